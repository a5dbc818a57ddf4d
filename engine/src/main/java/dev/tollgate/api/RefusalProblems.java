package dev.tollgate.api;

import dev.tollgate.terms.Refusal;

/** The one place a domain refusal becomes an HTTP answer: its status and title; the kind names the problem type. */
public final class RefusalProblems {
    /** What is answered to a client that went away, in case it is still listening (a half-closed connection). */
    public static final ProblemException CLIENT_ABORT = of(new Refusal(Refusal.Kind.CLIENT_ABORT,
            "The connection ended before the request body did"));

    private RefusalProblems() {
    }

    public static ProblemException of(Refusal refusal) {
        return new ProblemException(status(refusal.kind()), refusal.kind().wire(), title(refusal.kind()),
                refusal.getMessage());
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case TOKEN_INVALID, TOKEN_INPUT_MISMATCH, TOKEN_APPLICATION_MISMATCH -> 403;
            case TOKEN_EXPIRED -> 410;
            case TOKEN_USED -> 409;
            case CONTEXT_EXCEEDED, TOOLS_NEED_CLOUD, UNSUPPORTED_BY_DESTINATION -> 422;
            case CLIENT_ABORT -> 400;
            case DESTINATION_BAD_RESPONSE, DESTINATION_UNREACHABLE -> 502;
            case DESTINATION_TIMEOUT -> 504;
            case DECISION_LOG_UNAVAILABLE, DETECTOR_UNAVAILABLE, DESTINATION_UNAVAILABLE, DESTINATION_RATE_LIMITED,
                 EXECUTOR_OVERLOADED, VALIDATION_QUEUE_UNAVAILABLE,
                 REVIEW_HOLD_UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    private static String title(Refusal.Kind kind) {
        return switch (kind) {
            case TOKEN_INVALID, TOKEN_INPUT_MISMATCH, TOKEN_APPLICATION_MISMATCH -> "Token refused";
            case TOKEN_EXPIRED -> "Token expired";
            case TOKEN_USED -> "Token already used";
            case DECISION_LOG_UNAVAILABLE -> "Decision log unavailable";
            case DETECTOR_UNAVAILABLE -> "Detector unavailable";
            case CLIENT_ABORT -> "Client went away";
            case INTERNAL -> "Internal error";
            case TOOLS_NEED_CLOUD -> "Tools need a cloud model";
            case UNSUPPORTED_BY_DESTINATION -> "Not supported by the destination";
            case DESTINATION_TIMEOUT, DESTINATION_RATE_LIMITED, EXECUTOR_OVERLOADED, DESTINATION_BAD_RESPONSE,
                 CONTEXT_EXCEEDED, DESTINATION_UNAVAILABLE, DESTINATION_UNREACHABLE, VALIDATION_QUEUE_UNAVAILABLE,
                 REVIEW_HOLD_UNAVAILABLE -> "Execution failed";
        };
    }
}
