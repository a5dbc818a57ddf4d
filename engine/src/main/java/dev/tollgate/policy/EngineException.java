package dev.tollgate.policy;

/**
 * An engine could not evaluate (a remote server down, slow or answering nonsense). Its message is shown
 * in the fail-closed reason of the decision, so it must name the failure and never carry input data.
 */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
