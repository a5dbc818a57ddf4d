package dev.tollgate.trail;

import dev.tollgate.audit.DecisionRecord;
import dev.tollgate.audit.LogEntry;
import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.facts.EntityFinding;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.Outcome;
import dev.tollgate.policy.Reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What the decision log says, read for auditors: decisions listed and filtered, one decision explained with what
 * followed it, and the policy versions in force over time. The log holds labels, types and offsets, never a text
 * or a personal value, and so does everything read from it here.
 */
public final class AuditTrail {
    /** The route of a denied decision, in lists and counts. */
    public static final String NO_ROUTE = "none";

    private final Path logDir;

    public AuditTrail(Path logDir) {
        this.logDir = logDir;
    }

    public Path logDir() {
        return logDir;
    }

    /** One decision in a list. */
    public record DecisionSummary(String decisionId, String time, String application, String effect, String route,
                                  List<String> rules, List<String> entityTypes) {
        static DecisionSummary of(Instant time, DecisionRecord record) {
            Outcome outcome = record.outcome();
            return new DecisionSummary(record.decisionId(), time.toString(), record.application(), outcome.effect().wire(),
                    routeOf(outcome), outcome.reasons().stream().map(Reason::rule).distinct().toList(),
                    record.findings().entities().stream().map(EntityFinding::type).distinct().sorted().toList());
        }
    }

    /** A page of decisions, newest first, and how many the filter admits in all. */
    /** @param nextOffset the offset of the next page; null on the last */
    public record DecisionPage(long total, int offset, int limit, Integer nextOffset, List<DecisionSummary> decisions) {
    }

    /** A record that followed a decision: its execution, refusals, validations, late answers and reviews. */
    public record Event(String time, LogRecord record) {
    }

    /**
     * One decision end to end.
     *
     * @param rules     engine -> pack -> the rules that fired there, each with its legal basis and message
     * @param findings  type, message index and offsets of each finding; never the value
     * @param events    what the log says happened to the decision after it, in log order
     */
    public record DecisionExplanation(String decisionId, String time, String application,
                                      Map<String, String> policyVersion, Map<String, String> logicVersion, Facts facts,
                                      List<EntityFinding> findings, List<String> categories,
                                      Map<String, Map<String, List<Reason>>> rules, Outcome outcome, String expiresAt,
                                      List<String> unavailableDetectors, String requestId, List<Event> events) {
    }

    /** A policy version of one engine and the span of decisions it made. */
    public record PolicyPeriod(String engine, String version, String from, String to, long decisions) {
    }

    public DecisionPage decisions(DecisionFilter filter, int offset, int limit) throws IOException {
        List<DecisionSummary> admitted = summaries(filter).reversed();
        int start = Math.min(offset, admitted.size());
        return new DecisionPage(admitted.size(), offset, limit, start + limit < admitted.size() ? start + limit : null,
                List.copyOf(admitted.subList(start, Math.min(admitted.size(), start + limit))));
    }

    public Optional<DecisionExplanation> decision(String decisionId) throws IOException {
        DecisionRecord[] found = new DecisionRecord[1];
        Instant[] decided = new Instant[1];
        List<Event> events = new ArrayList<>();
        each(logged -> {
            if (!decisionId.equals(logged.record().decisionId())) {
                return;
            }
            if (logged.record() instanceof DecisionRecord decision) {
                found[0] = decision;
                decided[0] = logged.time();
            } else {
                events.add(new Event(logged.time().toString(), logged.record()));
            }
        });
        DecisionRecord record = found[0];
        if (record == null) {
            return Optional.empty();
        }
        Map<String, Map<String, List<Reason>>> rules = new TreeMap<>();
        for (Reason reason : record.outcome().reasons()) {
            rules.computeIfAbsent(reason.engine(), engine -> new TreeMap<>())
                    .computeIfAbsent(reason.pack(), pack -> new ArrayList<>()).add(reason);
        }
        return Optional.of(new DecisionExplanation(record.decisionId(), decided[0].toString(), record.application(),
                record.policyVersion(), record.logicVersion(), record.facts(), record.findings().entities(),
                record.findings().categories(), rules, record.outcome(), record.expiresAt(),
                record.unavailableDetectors(), record.requestId(), List.copyOf(events)));
    }

    /** Per engine, each version in the order it came into force, with its first and last decision. */
    public List<PolicyPeriod> policies() throws IOException {
        Map<String, List<PolicyPeriod>> periods = new TreeMap<>();
        each(logged -> {
            if (!(logged.record() instanceof DecisionRecord decision)) {
                return;
            }
            decision.policyVersion().forEach((engine, version) -> {
                List<PolicyPeriod> engines = periods.computeIfAbsent(engine, e -> new ArrayList<>());
                PolicyPeriod last = engines.isEmpty() ? null : engines.getLast();
                if (last != null && last.version().equals(version)) {
                    engines.set(engines.size() - 1,
                            new PolicyPeriod(engine, version, last.from(), logged.time().toString(), last.decisions() + 1));
                } else {
                    engines.add(new PolicyPeriod(engine, version, logged.time().toString(), logged.time().toString(), 1));
                }
            });
        });
        return periods.values().stream().flatMap(List::stream).toList();
    }

    /** Every decision's time and summary in the range, oldest first. */
    public List<DecisionSummary> summaries(DecisionFilter filter) throws IOException {
        List<DecisionSummary> summaries = new ArrayList<>();
        each(logged -> {
            if (logged.record() instanceof DecisionRecord decision && filter.admits(logged.time(), decision)) {
                summaries.add(DecisionSummary.of(logged.time(), decision));
            }
        });
        return summaries;
    }

    /** The time each decision in the range was logged, by its id. */
    Map<String, Instant> decisionTimes(DecisionFilter filter) throws IOException {
        Map<String, Instant> times = new LinkedHashMap<>();
        each(logged -> {
            if (logged.record() instanceof DecisionRecord decision && filter.admits(logged.time(), decision)) {
                times.put(decision.decisionId(), logged.time());
            }
        });
        return times;
    }

    static String routeOf(Outcome outcome) {
        return outcome.route() == null ? NO_ROUTE : outcome.route().destination();
    }

    private void each(Consumer<LoggedRecord> consumer) throws IOException {
        if (!Files.isDirectory(logDir)) {
            return;
        }
        try (LogReader reader = LogReader.open(logDir)) {
            while (reader.hasNext()) {
                LogEntry entry = reader.next();
                LogRecord.read(entry.json()).ifPresent(record -> consumer.accept(new LoggedRecord(
                        Instant.parse(entry.json().path("time").asText()), record)));
            }
        }
    }
}
