package dev.tollgate.terms;

/**
 * The client went away before the exchange ended (mid-body or mid-stream): nothing can be answered, nothing was
 * decided by it, and it is not a server error. Counted as a client abort and logged without a stack trace.
 */
public final class ClientAbortException extends Refusal {
    private final String phase;

    /** @param phase where the client left: "body" (while sending the request) or "stream" (while receiving) */
    public ClientAbortException(String phase, Throwable cause) {
        super(Kind.CLIENT_ABORT, "client went away during the " + phase, cause, false);
        this.phase = phase;
    }

    public String phase() {
        return phase;
    }
}
