package dev.tollgate.token;

/** A decision token that must not be honoured, with the HTTP status and problem kind it maps to. */
public final class TokenException extends Exception {
    private final int status;
    private final String kind;

    TokenException(int status, String kind, String message) {
        super(message);
        this.status = status;
        this.kind = kind;
    }

    public int status() {
        return status;
    }

    /** Stable problem kind: "token-invalid", "token-expired", "token-input-mismatch". */
    public String kind() {
        return kind;
    }
}
