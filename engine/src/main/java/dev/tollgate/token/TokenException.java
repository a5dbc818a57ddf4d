package dev.tollgate.token;

/** A decision token that must not be honoured, with the HTTP status and problem kind it maps to. */
public final class TokenException extends Exception {
    private final int status;
    private final String kind;
    private final String decisionId;

    TokenException(int status, String kind, String message, String decisionId) {
        super(message);
        this.status = status;
        this.kind = kind;
        this.decisionId = decisionId;
    }

    /** The decision the token names, once its signature held; null before that (an unsigned id proves nothing). */
    public String decisionId() {
        return decisionId;
    }

    public int status() {
        return status;
    }

    /** Stable problem kind: "token-invalid", "token-expired", "token-input-mismatch". */
    public String kind() {
        return kind;
    }
}
