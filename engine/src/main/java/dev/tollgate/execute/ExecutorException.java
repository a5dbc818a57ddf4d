package dev.tollgate.execute;

/**
 * A model call that failed, after the executor's own retries. The message never quotes prompt or answer text.
 */
public final class ExecutorException extends Exception {

    /** Why it failed; decides the HTTP status and whether the cloud counts as unreachable. */
    public enum Kind {
        /** No connection, connection reset, DNS failure: the destination is unreachable. */
        UNREACHABLE,
        /** No answer within the timeout. */
        TIMEOUT,
        /** 429 after every retry. */
        RATE_LIMITED,
        /** 5xx after every retry. */
        SERVER_ERROR,
        /** An answer that is not a valid completion (malformed JSON, no choices, a 4xx other than 429). */
        BAD_RESPONSE,
        /** The executor's queue is full or it is closed. */
        OVERLOADED,
        /** The prompt leaves no room for an answer in the model's context. */
        INPUT_TOO_LONG,
        /** The request asks for something this model cannot do (a JSON schema outside its grammar's reach). */
        UNSUPPORTED_REQUEST
    }

    private final Kind kind;

    public ExecutorException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ExecutorException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether this failure means the destination could not be reached at all (counts against its circuit). */
    public boolean unreachable() {
        return kind == Kind.UNREACHABLE || kind == Kind.TIMEOUT || kind == Kind.SERVER_ERROR;
    }
}
