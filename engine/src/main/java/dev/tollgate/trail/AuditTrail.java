package dev.tollgate.trail;

import dev.tollgate.audit.DecisionRecord;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.facts.EntityFinding;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.Outcome;
import dev.tollgate.policy.Reason;

import java.io.IOException;
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
 * or a personal value, and so does everything read from it here. Lists, counts and versions come from an index
 * that each look brings up to date with what was appended; an explanation reads the trail.
 */
public final class AuditTrail {
    /** The route of a denied decision, in lists and counts. */
    public static final String NO_ROUTE = "none";

    private final TrailSource source;
    private final DecisionIndex index;

    public AuditTrail(TrailSource source) {
        this.source = source;
        this.index = new DecisionIndex(source);
    }

    TrailSource source() {
        return source;
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
        return index.query(decisions -> {
            List<DecisionSummary> page = new ArrayList<>();
            long total = 0;
            for (DecisionIndex.Indexed decision : decisions.reversed()) {
                if (filter.admits(decision.time(), decision.summary())) {
                    if (total >= offset && page.size() < limit) {
                        page.add(decision.summary());
                    }
                    total++;
                }
            }
            return new DecisionPage(total, offset, limit, (long) offset + limit < total ? offset + limit : null,
                    List.copyOf(page));
        });
    }

    public Optional<DecisionExplanation> decision(String decisionId) throws IOException {
        DecisionRecord[] found = new DecisionRecord[1];
        Instant[] decided = new Instant[1];
        List<Event> events = new ArrayList<>();
        each(source, logged -> {
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
        return index.query(decisions -> {
            Map<String, List<PolicyPeriod>> periods = new TreeMap<>();
            for (DecisionIndex.Indexed decision : decisions) {
                String time = decision.summary().time();
                decision.policyVersion().forEach((engine, version) -> {
                    List<PolicyPeriod> engines = periods.computeIfAbsent(engine, e -> new ArrayList<>());
                    PolicyPeriod last = engines.isEmpty() ? null : engines.getLast();
                    if (last != null && last.version().equals(version)) {
                        engines.set(engines.size() - 1,
                                new PolicyPeriod(engine, version, last.from(), time, last.decisions() + 1));
                    } else {
                        engines.add(new PolicyPeriod(engine, version, time, time, 1));
                    }
                });
            }
            return periods.values().stream().flatMap(List::stream).toList();
        });
    }

    /** Every decision's summary that the filter admits, oldest first. */
    public List<DecisionSummary> summaries(DecisionFilter filter) throws IOException {
        return index.query(decisions -> decisions.stream()
                .filter(decision -> filter.admits(decision.time(), decision.summary()))
                .map(DecisionIndex.Indexed::summary).toList());
    }

    /** The time each decision in the range was logged, by its id. */
    Map<String, Instant> decisionTimes(DecisionFilter filter) throws IOException {
        return index.query(decisions -> {
            Map<String, Instant> times = new LinkedHashMap<>();
            for (DecisionIndex.Indexed decision : decisions) {
                if (filter.admits(decision.time(), decision.summary())) {
                    times.put(decision.summary().decisionId(), decision.time());
                }
            }
            return times;
        });
    }

    static String routeOf(Outcome outcome) {
        return outcome.route() == null ? NO_ROUTE : outcome.route().destination();
    }

    private static void each(TrailSource source, Consumer<LoggedRecord> consumer) throws IOException {
        source.read(records -> {
            records.forEachRemaining(entry -> LogRecord.read(entry.json()).ifPresent(record -> consumer.accept(
                    new LoggedRecord(Instant.parse(entry.json().path("time").asText()), record))));
            return null;
        });
    }
}
