package dev.tollgate.audit;

/**
 * How the cloud's later check of an answer given on-device while it was unreachable ended: it agreed, it
 * corrected the answer, or it kept refusing until the attempts ran out. Records written before validations had
 * ids have neither id, application, attempts nor tokens.
 *
 * @param verdict        {@link #AGREES}, {@link #CORRECTED} or {@link #FAILED}
 * @param outputHmac     HMAC of the cloud's answer (still masked, as the cloud gave it); null when it failed
 * @param validationId   the id the execution answer gave the caller (the execution record's validation_id)
 * @param attempts       calls to the cloud it took, the last included
 * @param problem        for a failure: the last attempt's problem (e.g. bad-response for a 401)
 * @param cloudTokensIn  tokens sent to the cloud by the call that answered, counted by Tollgate's tokenizer
 * @param cloudTokensOut tokens the cloud answered with
 */
public record ValidationRecord(String decisionId, String destination, String verdict, String outputHmac,
                               String validationId, String application, Integer attempts, String problem,
                               Integer cloudTokensIn, Integer cloudTokensOut)
        implements LogRecord {
    public static final String AGREES = "agrees";
    public static final String CORRECTED = "corrected";
    public static final String FAILED = "failed";

    public boolean failed() {
        return FAILED.equals(verdict);
    }
}
