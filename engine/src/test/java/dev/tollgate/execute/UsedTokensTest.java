package dev.tollgate.execute;

import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.TextHmac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsedTokensTest {
    @TempDir
    Path dir;

    @Test
    void aTokenIsClaimedOnceUnlessTheClaimIsReleased() {
        UsedTokens used = new UsedTokens(Clock.systemUTC());
        Instant expiry = Instant.now().plusSeconds(60);
        assertTrue(used.claim("d-1", expiry));
        assertFalse(used.claim("d-1", expiry));
        used.release("d-1");
        assertTrue(used.claim("d-1", expiry));
    }

    @Test
    void claimsSurviveARestartThroughTheLogUntilTheirTokensExpire() throws Exception {
        Path logDir = dir.resolve("log");
        Instant now = Instant.now();
        try (DecisionLog log = DecisionLog.open(logDir, 1 << 20, Clock.systemUTC())) {
            ExecutionRecords records = new ExecutionRecords(log, TextHmac.open(dir.resolve("hmac.key")));
            records.started("live", "support-bot", now.plus(Duration.ofMinutes(5))).join();
            records.started("expired", "support-bot", now.minusSeconds(1)).join();
        }
        UsedTokens used = UsedTokens.fromLog(logDir, Clock.systemUTC());
        assertFalse(used.claim("live", now.plus(Duration.ofMinutes(5))));
        assertTrue(used.claim("expired", now.plus(Duration.ofMinutes(5))), "an expired token is refused anyway");
        assertTrue(used.claim("never-used", now.plus(Duration.ofMinutes(5))));
    }
}
