package dev.tollgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.audit.LinkageFinding.Kind;
import dev.tollgate.terms.Effect;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import static dev.tollgate.audit.DecisionStates.NOT_FOUND;
import static dev.tollgate.audit.DecisionStates.NO_TIME;

/**
 * Checks, in one pass in log order, that the execution side of the log fits the decisions it names: every
 * execution_started, execution, validation and execution_refused names a decision logged before it; a token is
 * started once and each start has exactly one outcome; only allowed decisions are executed, before they expire
 * and only at destinations they permitted; a review follows an execution that held its answer, once. Feed it the
 * records that passed the chain check, then {@link #finish}.
 * <p>
 * Memory: {@link DecisionStates} per decision, plus the executions started and not yet ended and the offline
 * answers whose validation is still queued (both few), the held answers and the reviews (as many as reviewers
 * made), plus at most {@link #MAX_LISTED} findings.
 */
public final class LinkageChecker implements Consumer<CheckedLine> {
    /** Findings kept for the report; all are counted. */
    public static final int MAX_LISTED = 10_000;

    private final DecisionStates decisions = new DecisionStates();
    /** decision id -> the warning to give if its execution_started is never followed by an execution. */
    private final Map<String, LinkageFinding> inFlight = new LinkedHashMap<>();
    private final Set<String> validationsQueued = new HashSet<>();
    private final Set<String> heldForReview = new HashSet<>();
    private final Set<String> reviewed = new HashSet<>();
    private final Map<String, Long> recordsByType = new TreeMap<>();
    private final Map<String, Long> executionsByRoute = new TreeMap<>();
    private final Map<String, Long> refusalsByProblem = new TreeMap<>();
    private final Map<String, Long> validationsFailedByProblem = new TreeMap<>();
    private final Map<Kind, Long> findingsByKind = new EnumMap<>(Kind.class);
    private final List<LinkageFinding> findings = new ArrayList<>();
    private long records;
    private CheckedLine current;

    @Override
    public void accept(CheckedLine line) {
        current = line;
        records++;
        String type = Objects.requireNonNullElse(text(line.fields(), "type"), "(no type)");
        recordsByType.merge(type, 1L, Long::sum);
        if (line.unreadable() != null) {
            report(Kind.MALFORMED_RECORD, text(line.fields(), "decision_id"), type + " record " + line.unreadable());
            return;
        }
        LogRecord record = line.record().orElse(null);
        // Lines of other types take no part in linkage.
        switch (record) {
            case DecisionRecord decision -> decision(decision);
            case ExecutionStarted started -> started(started, text(line.fields(), "time"));
            case ExecutionOutcome outcome -> execution(outcome);
            case ExecutionRefusal refusal -> refused(refusal);
            case ValidationRecord validation -> validation(validation);
            case LateAnswerRecord late -> late(late);
            case ReviewRecord review -> review(review);
            case null -> {
            }
        }
    }

    /**
     * @param wholeLog false when the chain check stopped early: executions may have ended in the unread part,
     *                 so no started-no-outcome warnings are given
     */
    public LinkageReport finish(boolean wholeLog) {
        if (wholeLog) {
            inFlight.values().forEach(this::add);
        }
        List<LinkageFinding> listed = findings.stream().sorted(Comparator.comparingLong(LinkageFinding::seq)).toList();
        Map<String, Long> byKind = new LinkedHashMap<>();
        findingsByKind.forEach((kind, count) -> byKind.put(kind.label(), count));
        long errors = count(LinkageFinding.Severity.ERROR);
        long warnings = count(LinkageFinding.Severity.WARNING);
        return new LinkageReport(wholeLog, records, decisions.size(), recordsByType, executionsByRoute,
                refusalsByProblem, validationsQueued.size(), errors, warnings, byKind, listed,
                errors + warnings - listed.size(), validationsFailedByProblem);
    }

    private void decision(DecisionRecord record) {
        String id = record.decisionId();
        if (id == null) {
            report(Kind.MALFORMED_RECORD, null, "decision record without a decision_id");
            return;
        }
        if (decisions.find(id) != NOT_FOUND) {
            report(Kind.DUPLICATE_DECISION, id, "a decision with this id was logged before; the first one counts");
            return;
        }
        List<String> permitted = record.outcome() == null ? List.of() : record.outcome().permittedDestinations();
        long expiry = micros(record.expiresAt());
        if (expiry == NO_TIME) {
            report(Kind.MALFORMED_RECORD, id, "decision record without a readable expires_at");
        }
        decisions.add(id, record.outcome() != null && record.outcome().effect() == Effect.ALLOW, permitted, expiry);
    }

    /** @param time when the log stamped the record */
    private void started(ExecutionStarted record, String time) {
        String id = record.decisionId();
        int d = linked(id, "execution_started");
        if (d == NOT_FOUND) {
            return;
        }
        if (decisions.starts(d) > 0) {
            report(Kind.STARTED_TWICE, id, "its token was accepted again after an earlier execution_started");
        } else {
            inFlight.put(id, finding(Kind.STARTED_NO_OUTCOME, id,
                    "execution started and no execution record follows (expected only after a crash)"));
        }
        decisions.countStart(d);
        if (!decisions.allowed(d)) {
            report(Kind.NOT_ALLOWED, id, "execution started for a decision whose effect is not allow");
        }
        long startedAt = micros(time);
        long expiry = decisions.expiryMicros(d);
        if (startedAt == NO_TIME) {
            report(Kind.MALFORMED_RECORD, id, "execution_started without a readable time");
        } else if (expiry != NO_TIME && startedAt >= expiry) {
            report(Kind.STARTED_AFTER_EXPIRY, id, String.format(Locale.ROOT,
                    "started at %s, %.3f ms after the decision expired at %s", instant(startedAt),
                    (startedAt - expiry) / 1000.0, instant(expiry)));
        }
    }

    private void execution(ExecutionOutcome record) {
        String id = record.decisionId();
        String status = record.status();
        String destination = record.destination();
        String how = ExecutionOutcome.FAILED.equals(status) ? "failed: " + record.problem()
                : record.strategy() == null ? null : record.strategy().wire();
        executionsByRoute.merge(destination + " / " + how, 1L, Long::sum);
        int d = linked(id, "execution");
        if (d == NOT_FOUND) {
            return;
        }
        if (decisions.starts(d) == 0) {
            report(Kind.OUTCOME_WITHOUT_START, id, "execution record (" + status
                    + ") without an execution_started before it");
        } else if (decisions.outcomes(d) >= decisions.starts(d)) {
            report(Kind.DUPLICATE_OUTCOME, id, "a second execution record (" + status + ") for one execution_started");
        }
        decisions.countOutcome(d);
        inFlight.remove(id);
        checkDestination(d, id, "execution (" + status + ")", destination, record.completed());
        checkDestination(d, id, "cloud leg of the execution", record.cloudDestination(), false);
        if (record.queuedValidation()) {
            validationsQueued.add(id);
        }
        if (record.held()) {
            heldForReview.add(id);
        }
    }

    private void refused(ExecutionRefusal record) {
        String problem = record.problem();
        refusalsByProblem.merge(problem == null ? "(none)" : problem, 1L, Long::sum);
        String id = record.decisionId();
        if (id != null) {
            linked(id, "execution_refused");
        }
    }

    private void validation(ValidationRecord record) {
        String id = record.decisionId();
        int d = linked(id, "validation");
        if (d == NOT_FOUND) {
            return;
        }
        checkDestination(d, id, "validation", record.destination(), true);
        if (record.failed()) {
            validationsFailedByProblem.merge(Objects.requireNonNullElse(record.problem(), "(none)"), 1L, Long::sum);
        }
        if (!validationsQueued.remove(id)) {
            report(Kind.UNEXPECTED_VALIDATION, id, "no earlier execution of this decision queued a validation");
        }
    }

    private void late(LateAnswerRecord record) {
        int d = linked(record.decisionId(), "late_answer");
        if (d != NOT_FOUND) {
            checkDestination(d, record.decisionId(), "late_answer", record.destination(), true);
        }
    }

    private void review(ReviewRecord record) {
        String id = record.decisionId();
        if (linked(id, "review") == NOT_FOUND) {
            return;
        }
        if (reviewed.contains(id)) {
            report(Kind.DUPLICATE_REVIEW, id, "a second review of an answer reviewed before; the first one counts");
        } else if (!heldForReview.contains(id)) {
            report(Kind.REVIEW_WITHOUT_HOLD, id, "no earlier execution of this decision held its answer for review");
        } else {
            reviewed.add(id);
        }
    }

    /** The decision the record names, reporting a record that names none or one not logged before it. */
    private int linked(String id, String type) {
        if (id == null) {
            report(Kind.MALFORMED_RECORD, null, type + " record without a decision_id");
            return NOT_FOUND;
        }
        int d = decisions.find(id);
        if (d == NOT_FOUND) {
            report(Kind.UNKNOWN_DECISION, id, type + " names a decision that is not logged before it");
        }
        return d;
    }

    private void checkDestination(int d, String id, String what, String destination, boolean required) {
        if (destination == null) {
            if (required) {
                report(Kind.MALFORMED_RECORD, id, what + " without a destination");
            }
            return;
        }
        List<String> permitted = decisions.permitted(d);
        if (!permitted.contains(destination)) {
            report(Kind.DESTINATION_NOT_PERMITTED, id, what + " went to " + destination
                    + "; the decision permitted " + (permitted.isEmpty() ? "none" : permitted));
        }
    }

    private void report(Kind kind, String decisionId, String detail) {
        add(finding(kind, decisionId, detail));
    }

    private LinkageFinding finding(Kind kind, String decisionId, String detail) {
        return new LinkageFinding(kind, current.file().getFileName().toString(), current.lineNumber(),
                current.fields().path("seq").asLong(), decisionId, detail);
    }

    private void add(LinkageFinding finding) {
        findingsByKind.merge(finding.kind(), 1L, Long::sum);
        if (findings.size() < MAX_LISTED) {
            findings.add(finding);
        }
    }

    private long count(LinkageFinding.Severity severity) {
        return findingsByKind.entrySet().stream().filter(e -> e.getKey().severity() == severity)
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** Epoch microseconds of an ISO-8601 instant, {@link DecisionStates#NO_TIME} if it cannot be read. */
    private static long micros(String iso) {
        if (iso == null) {
            return NO_TIME;
        }
        try {
            return ChronoUnit.MICROS.between(Instant.EPOCH, IsoInstant.parse(iso));
        } catch (DateTimeParseException | ArithmeticException e) {
            return NO_TIME;
        }
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
