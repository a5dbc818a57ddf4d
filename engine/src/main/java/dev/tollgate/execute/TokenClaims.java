package dev.tollgate.execute;

import java.time.Instant;

/**
 * The decisions whose token has been used: in memory, rebuilt from the log ({@link UsedTokens}), or a table that
 * replicas share ({@link PostgresTokenClaims}). A token is claimed before its execution starts.
 */
public interface TokenClaims {
    /**
     * True if this call claimed the decision's token, false if it was claimed before.
     *
     * @throws dev.tollgate.audit.DecisionLogUnavailableException when the claims cannot be reached
     */
    boolean claim(String decisionId, Instant tokenExpiry);

    /** Gives a claim back when its start could not be logged: nothing ran, so the token may be used again. */
    void release(String decisionId);
}
