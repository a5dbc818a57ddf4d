package dev.tollgate.decision;

/** The decision could not be made durable, so it must not be answered. */
public final class DecisionLogUnavailableException extends RuntimeException {
    public DecisionLogUnavailableException(Throwable cause) {
        super("decision log append failed: " + cause.getClass().getSimpleName(), cause);
    }
}
