package dev.tollgate.terms;

/**
 * Why Tollgate refuses or fails what it was asked, raised by the token check, the decision flow and the executor;
 * every problem kind they name is here. Only the HTTP layer turns a kind into a status and a problem type. The
 * message is the detail the caller reads: it never quotes the request.
 */
public class Refusal extends RuntimeException {

    /** A stable problem kind, its wire value the last segment of the problem type and the log's "problem". */
    public enum Kind implements WireValue {
        /** The token is not signed by a known key, or does not hold the decision's terms. */
        TOKEN_INVALID("token-invalid"),
        TOKEN_EXPIRED("token-expired"),
        /** The messages differ from those the decision was made for. */
        TOKEN_INPUT_MISMATCH("token-input-mismatch"),
        /** The decision was made for another application. */
        TOKEN_APPLICATION_MISMATCH("token-application-mismatch"),
        /** The decision was executed already (single use). */
        TOKEN_USED("token-used"),
        /** A record could not be made durable, so nothing is answered. */
        DECISION_LOG_UNAVAILABLE("decision-log-unavailable"),
        /** A required PII detector did not answer. */
        DETECTOR_UNAVAILABLE("detector-unavailable"),
        DESTINATION_TIMEOUT("destination-timeout"),
        DESTINATION_RATE_LIMITED("destination-rate-limited"),
        /** The executor's queue is full or it is closed. */
        EXECUTOR_OVERLOADED("executor-overloaded"),
        DESTINATION_BAD_RESPONSE("destination-bad-response"),
        /** The input leaves the model no room for an answer. */
        CONTEXT_EXCEEDED("context-exceeded"),
        /** The chat has tools or tool calls, which only a cloud model takes, and an on-device model would answer. */
        TOOLS_NEED_CLOUD("tools-need-cloud"),
        /** The request asks the destination for something it cannot do (a JSON schema its grammar cannot take). */
        UNSUPPORTED_BY_DESTINATION("unsupported-by-destination"),
        /** The destination has no executor, or its circuit is open, and the decision permits no other. */
        DESTINATION_UNAVAILABLE("destination-unavailable"),
        /**
         * The destination was called and could not be reached or kept failing: the same problem type as
         * {@link #DESTINATION_UNAVAILABLE}, answered as a bad gateway rather than as unavailable.
         */
        DESTINATION_UNREACHABLE("destination-unavailable"),
        /** The cloud validation of an offline answer could not be queued durably. */
        VALIDATION_QUEUE_UNAVAILABLE("validation-queue-unavailable"),
        /** The answer must be held for review and the review desk is full, so it is not given. */
        REVIEW_HOLD_UNAVAILABLE("review-hold-unavailable"),
        /** The caller went away mid-execution (recorded as the execution's problem; no one is answered). */
        CLIENT_ABORT("client-abort"),
        /** A fault inside Tollgate. */
        INTERNAL("internal");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }

    private final Kind kind;
    private final String decisionId;

    /** @param decisionId the decision the refusal is about, when known for certain; else null */
    public Refusal(Kind kind, String detail, String decisionId, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.decisionId = decisionId;
    }

    public Refusal(Kind kind, String detail, String decisionId) {
        this(kind, detail, decisionId, null);
    }

    public Refusal(Kind kind, String detail) {
        this(kind, detail, null, null);
    }

    /** @param stackTrace false for an expected event that is counted, not debugged */
    protected Refusal(Kind kind, String detail, Throwable cause, boolean stackTrace) {
        super(detail, cause, false, stackTrace);
        this.kind = kind;
        this.decisionId = null;
    }

    public Kind kind() {
        return kind;
    }

    /** The decision the refusal is about; null when none could be trusted (a token whose signature failed). */
    public String decisionId() {
        return decisionId;
    }
}
