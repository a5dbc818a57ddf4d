package dev.tollgate.audit;

/**
 * The cloud's later check of an answer given on-device while it was unreachable.
 *
 * @param verdict    {@link #AGREES} or {@link #CORRECTED}
 * @param outputHmac HMAC of the cloud's answer
 */
public record ValidationRecord(String decisionId, String destination, String verdict, String outputHmac)
        implements LogRecord {
    public static final String AGREES = "agrees";
    public static final String CORRECTED = "corrected";
}
