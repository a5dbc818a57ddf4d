package dev.tollgate.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * One thing {@link LinkageChecker} found wrong or odd in how the log's records refer to each other.
 *
 * @param file       segment file name of the record the finding is about
 * @param line       1-based line in that file
 * @param seq        the record's seq
 * @param decisionId the decision it concerns, null when the record names none
 * @param detail     what exactly, for a person (ids, destinations, times; never record content beyond those)
 */
public record LinkageFinding(Kind kind, String file, long line, long seq, String decisionId, String detail) {

    public enum Severity {
        /** Fails verify: the log shows something the service must never do, or records are missing. */
        ERROR,
        /** Does not fail verify: explainable by a crash or an in-flight request; an auditor should look. */
        WARNING
    }

    /** What was found; docs/audit.md says what each means and what to do about it. */
    public enum Kind {
        UNKNOWN_DECISION(Severity.ERROR),
        DUPLICATE_DECISION(Severity.ERROR),
        MALFORMED_RECORD(Severity.ERROR),
        STARTED_TWICE(Severity.ERROR),
        NOT_ALLOWED(Severity.ERROR),
        STARTED_AFTER_EXPIRY(Severity.ERROR),
        OUTCOME_WITHOUT_START(Severity.ERROR),
        DUPLICATE_OUTCOME(Severity.ERROR),
        DESTINATION_NOT_PERMITTED(Severity.ERROR),
        REVIEW_WITHOUT_HOLD(Severity.ERROR),
        DUPLICATE_REVIEW(Severity.ERROR),
        STARTED_NO_OUTCOME(Severity.WARNING),
        UNEXPECTED_VALIDATION(Severity.WARNING);

        private final Severity severity;

        Kind(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }

        /** e.g. {@code started-no-outcome}: how it is printed and named in the docs. */
        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @JsonProperty("severity")
    public Severity severity() {
        return kind.severity();
    }

    public String render() {
        return String.format(Locale.ROOT, "%-7s %s:%d seq %d%s: %s: %s", severity(), file, line, seq,
                decisionId == null ? "" : " decision " + decisionId, kind.label(), detail);
    }
}
