package dev.tollgate.audit;

/**
 * A decision's token was accepted and claimed: its single use survives a restart because this is on disk before
 * anything runs.
 *
 * @param tokenExpiresAt when the claimed token expires (ISO-8601); the claim is forgotten after
 */
public record ExecutionStarted(String decisionId, String application, String tokenExpiresAt) implements LogRecord {
}
