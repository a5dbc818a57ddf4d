package dev.tollgate.execute;

import dev.tollgate.terms.Refusal;
import dev.tollgate.terms.Refusal.Kind;

/** An execution that could not give an answer: the destination that failed and the problem kind the caller gets. */
final class ExecutionFailedException extends Exception {
    private final String destination;
    private final Kind problem;

    private ExecutionFailedException(String destination, Kind problem, String message) {
        super(message);
        this.destination = destination;
        this.problem = problem;
    }

    static ExecutionFailedException of(String destination, ExecutorException e) {
        return switch (e.kind()) {
            case TIMEOUT -> new ExecutionFailedException(destination, Kind.DESTINATION_TIMEOUT,
                    "Destination '" + destination + "' did not answer in time");
            case RATE_LIMITED -> new ExecutionFailedException(destination, Kind.DESTINATION_RATE_LIMITED,
                    "Destination '" + destination + "' is rate-limiting requests; retry later");
            case OVERLOADED -> new ExecutionFailedException(destination, Kind.EXECUTOR_OVERLOADED,
                    "Destination '" + destination + "' has too many requests waiting; retry later");
            case BAD_RESPONSE -> new ExecutionFailedException(destination, Kind.DESTINATION_BAD_RESPONSE,
                    "Destination '" + destination + "' gave an answer that is not a valid completion");
            case INPUT_TOO_LONG -> new ExecutionFailedException(destination, Kind.CONTEXT_EXCEEDED,
                    "The input is longer than destination '" + destination + "' can take (" + e.getMessage()
                            + "); shorten it");
            case UNSUPPORTED_REQUEST -> new ExecutionFailedException(destination, Kind.UNSUPPORTED_BY_DESTINATION,
                    "Destination '" + destination + "' cannot serve this request: " + e.getMessage());
            case UNREACHABLE, SERVER_ERROR -> new ExecutionFailedException(destination, Kind.DESTINATION_UNREACHABLE,
                    "Destination '" + destination + "' could not be reached");
        };
    }

    /** The destination has no executor, or a cloud one is unreachable and policy permits nothing else. */
    static ExecutionFailedException unavailable(String destination) {
        return new ExecutionFailedException(destination, Kind.DESTINATION_UNAVAILABLE,
                "Destination '" + destination + "' is not available and the decision permits no other");
    }

    /**
     * The chat has tools or tool calls and an on-device destination would answer it: the on-device model calls no
     * tools, and answering without them would silently change what was asked.
     */
    static ExecutionFailedException toolsNeedCloud(String destination) {
        return new ExecutionFailedException(destination, Kind.TOOLS_NEED_CLOUD, "The request has tools or tool "
                + "calls, which only a cloud model takes, and policy routes it to the on-device destination '"
                + destination + "'; send it without tools, or under a policy that routes it to a cloud model");
    }

    static ExecutionFailedException validationNotQueued(String destination) {
        return new ExecutionFailedException(destination, Kind.VALIDATION_QUEUE_UNAVAILABLE,
                "The cloud validation of the on-device answer could not be queued durably, so no answer is given");
    }

    static ExecutionFailedException reviewHoldFull(String destination) {
        return new ExecutionFailedException(destination, Kind.REVIEW_HOLD_UNAVAILABLE,
                "The answer must wait for a reviewer and too many answers are waiting already, so none is given; "
                        + "retry later");
    }

    String destination() {
        return destination;
    }

    Kind problem() {
        return problem;
    }

    Refusal toRefusal(String decisionId) {
        return new Refusal(problem, getMessage(), decisionId);
    }
}
