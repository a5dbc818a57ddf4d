package dev.tollgate.execute;

/** An execution that could not give an answer: the HTTP status and problem kind the caller gets. */
final class ExecutionFailedException extends Exception {
    private final String destination;
    private final int status;
    private final String problem;

    private ExecutionFailedException(String destination, int status, String problem, String message) {
        super(message);
        this.destination = destination;
        this.status = status;
        this.problem = problem;
    }

    static ExecutionFailedException of(String destination, ExecutorException e) {
        return switch (e.kind()) {
            case TIMEOUT -> new ExecutionFailedException(destination, 504, "destination-timeout",
                    "Destination '" + destination + "' did not answer in time");
            case RATE_LIMITED -> new ExecutionFailedException(destination, 503, "destination-rate-limited",
                    "Destination '" + destination + "' is rate-limiting requests; retry later");
            case OVERLOADED -> new ExecutionFailedException(destination, 503, "executor-overloaded",
                    "Destination '" + destination + "' has too many requests waiting; retry later");
            case BAD_RESPONSE -> new ExecutionFailedException(destination, 502, "destination-bad-response",
                    "Destination '" + destination + "' gave an answer that is not a valid completion");
            case INPUT_TOO_LONG -> new ExecutionFailedException(destination, 422, "context-exceeded",
                    "The input is longer than destination '" + destination + "' can take (" + e.getMessage()
                            + "); shorten it");
            case UNREACHABLE, SERVER_ERROR -> new ExecutionFailedException(destination, 502, "destination-unavailable",
                    "Destination '" + destination + "' could not be reached");
        };
    }

    /** The destination has no executor, or a cloud one is unreachable and policy permits nothing else. */
    static ExecutionFailedException unavailable(String destination) {
        return new ExecutionFailedException(destination, 503, "destination-unavailable",
                "Destination '" + destination + "' is not available and the decision permits no other");
    }

    static ExecutionFailedException validationNotQueued(String destination) {
        return new ExecutionFailedException(destination, 503, "validation-queue-unavailable",
                "The cloud validation of the on-device answer could not be queued durably, so no answer is given");
    }

    String destination() {
        return destination;
    }

    int status() {
        return status;
    }

    String problem() {
        return problem;
    }
}
