package dev.tollgate.execute;

import dev.tollgate.audit.DecisionLogUnavailableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Used tokens in the shared store: the primary key on the decision id lets exactly one replica's claim in, however
 * many try at once. Nothing is read at start. Every {@value #PURGE_EVERY} claims a replica deletes the claims whose
 * tokens have expired: an expired token is refused before the claims are asked.
 */
public final class PostgresTokenClaims implements TokenClaims {
    static final int PURGE_EVERY = 1024;

    private final DataSource store;
    private final String replica;
    private final AtomicLong claims = new AtomicLong();

    /** @param replica the claiming replica's id, kept with each claim */
    public PostgresTokenClaims(DataSource store, String replica) {
        this.store = store;
        this.replica = replica;
    }

    @Override
    public boolean claim(String decisionId, Instant tokenExpiry) {
        try (Connection connection = store.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into used_tokens (decision_id, expires_at, claimed_by) values (?, ?, ?)"
                        + " on conflict (decision_id) do nothing")) {
            insert.setString(1, decisionId);
            insert.setTimestamp(2, Timestamp.from(tokenExpiry));
            insert.setString(3, replica);
            boolean claimed = insert.executeUpdate() == 1;
            if (claimed && claims.incrementAndGet() % PURGE_EVERY == 0) {
                try (PreparedStatement purge = connection.prepareStatement(
                        "delete from used_tokens where expires_at < now()")) {
                    purge.executeUpdate();
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new DecisionLogUnavailableException(e);
        }
    }

    @Override
    public void release(String decisionId) {
        try (Connection connection = store.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "delete from used_tokens where decision_id = ? and claimed_by = ?")) {
            delete.setString(1, decisionId);
            delete.setString(2, replica);
            delete.executeUpdate();
        } catch (SQLException e) {
            // The claim stays: the token is refused as used, never honoured twice.
            System.getLogger(PostgresTokenClaims.class.getName()).log(System.Logger.Level.WARNING,
                    "used token of decision " + decisionId + " not released: " + e);
        }
    }
}
