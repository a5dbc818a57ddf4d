package dev.tollgate.api;

/**
 * The client went away before the exchange ended (mid-body or mid-stream): nothing can be answered, nothing was
 * decided by it, and it is not a server error. Counted as a client abort and logged without a stack trace.
 */
public final class ClientAbortException extends RuntimeException {
    /** What is answered in case the client is still listening (a half-closed connection). */
    public static final ProblemException PROBLEM = new ProblemException(400, "client-abort", "Client went away",
            "The connection ended before the request body did");

    private final String phase;

    /** @param phase where the client left: "body" (while sending the request) or "stream" (while receiving) */
    public ClientAbortException(String phase, Throwable cause) {
        super("client went away during the " + phase, cause, false, false);
        this.phase = phase;
    }

    public String phase() {
        return phase;
    }
}
