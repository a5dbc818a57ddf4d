package dev.tollgate.execute;

import dev.tollgate.testing.ClassStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Used tokens in a real PostgreSQL: one claim per decision across replicas, given back only by its claimant. */
class PostgresTokenClaimsTest {
    @RegisterExtension
    static final ClassStore STORE = new ClassStore();

    private static Instant inAMinute() {
        return Instant.now().plus(Duration.ofMinutes(1));
    }

    @Test
    void aDecisionIsClaimedOnceAcrossReplicasAndReleasedOnlyByItsClaimant() {
        PostgresTokenClaims a = new PostgresTokenClaims(STORE.dataSource(), "a");
        PostgresTokenClaims b = new PostgresTokenClaims(STORE.dataSource(), "b");
        String decision = UUID.randomUUID().toString();

        assertTrue(a.claim(decision, inAMinute()));
        assertFalse(b.claim(decision, inAMinute()));
        assertFalse(a.claim(decision, inAMinute()));
        b.release(decision);
        assertFalse(b.claim(decision, inAMinute()), "b's release does not give back a's claim");
        a.release(decision);
        assertTrue(b.claim(decision, inAMinute()));
    }

    @Test
    void claimsOfExpiredTokensArePurgedEveryThousandClaims() throws Exception {
        PostgresTokenClaims claims = new PostgresTokenClaims(STORE.dataSource(), "purging");
        String live = UUID.randomUUID().toString();
        assertTrue(claims.claim(live, inAMinute()));
        for (int i = 1; i < PostgresTokenClaims.PURGE_EVERY - 1; i++) {
            assertTrue(claims.claim(UUID.randomUUID().toString(), Instant.now().minusSeconds(1)));
        }
        assertEquals(PostgresTokenClaims.PURGE_EVERY - 1, claimsBy("purging"));

        assertTrue(claims.claim(UUID.randomUUID().toString(), Instant.now().minusSeconds(1)));

        assertEquals(1, claimsBy("purging"), "only the claim whose token has not expired is kept");
        assertFalse(claims.claim(live, inAMinute()));
    }

    private static long claimsBy(String replica) throws Exception {
        try (Connection connection = STORE.dataSource().getConnection(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select count(*) from used_tokens where claimed_by = '" + replica + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
