package dev.tollgate.audit;

/**
 * A cloud answer that came after the request's latency budget: the on-device model had answered instead, and this
 * answer was not returned to anyone.
 *
 * @param latencyMs  how long the cloud took
 * @param outputHmac HMAC of the cloud's late answer
 */
public record LateAnswerRecord(String decisionId, String destination, long latencyMs, String outputHmac)
        implements LogRecord {
}
