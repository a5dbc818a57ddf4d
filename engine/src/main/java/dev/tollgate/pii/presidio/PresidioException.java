package dev.tollgate.pii.presidio;

/** Presidio did not give a usable answer: unreachable, too slow, an error status or a malformed body. */
public final class PresidioException extends RuntimeException {
    public PresidioException(String message) {
        super(message);
    }

    public PresidioException(String message, Throwable cause) {
        super(message, cause);
    }
}
