package dev.tollgate.execute;

import dev.tollgate.audit.ClaimIndex;
import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.TestLogs;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final long SEGMENT_BYTES = 8 * 1024;
    private static final int YOUNG = 60;

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

    @Test
    void aStartReadsOnlyTheSegmentsWhoseClaimsMayStillBeLive() throws Exception {
        Path logDir = dir.resolve("log");
        MutableClock clock = new MutableClock(NOW.minus(Duration.ofDays(1)));
        try (DecisionLog log = DecisionLog.open(logDir, SEGMENT_BYTES, clock)) {
            ExecutionRecords records = new ExecutionRecords(log, TextHmac.open(dir.resolve("hmac.key")));
            // A day of executions, one every 20 s, each token living 5 minutes: all expired by now.
            claim(records, clock, "old-", 3000, Duration.ofSeconds(20), Duration.ofMinutes(5));
            clock.advance(Duration.between(clock.instant(), NOW.minus(Duration.ofMinutes(2))));
            // Enough young claims to fill more than one segment.
            claim(records, clock, "young-", YOUNG, Duration.ofSeconds(1), Duration.ofMinutes(5));
        }
        long perSegment = TestLogs.lines(TestLogs.segmentFiles(logDir).getFirst()).size();
        assertTrue(TestLogs.segmentFiles(logDir).size() > 50, "a big old log");
        assertTrue(YOUNG > perSegment, "the young claims span segments");

        UsedTokens used = UsedTokens.fromLog(logDir, Clock.fixed(NOW, ZoneOffset.UTC));

        assertTrue(used.recordsRead() >= YOUNG && used.recordsRead() < YOUNG + perSegment,
                "read " + used.recordsRead() + " of " + (3000 + YOUNG) + " records, segments of " + perSegment);
        for (int i = 0; i < YOUNG; i++) {
            assertFalse(used.claim("young-" + i, NOW.plus(Duration.ofMinutes(3))), "young-" + i + " stays used");
        }
    }

    @Test
    void aClaimInASegmentIndexedJustBeforeACrashIsReadAfterTheSegmentIsSealedAgain() throws Exception {
        Path logDir = dir.resolve("log");
        MutableClock clock = new MutableClock(NOW.minus(Duration.ofHours(1)));
        TextHmac hmac = TextHmac.open(dir.resolve("hmac.key"));
        long current;
        try (DecisionLog log = DecisionLog.open(logDir, SEGMENT_BYTES, clock)) {
            claim(new ExecutionRecords(log, hmac), clock, "old-", 100, Duration.ofSeconds(1), Duration.ofMinutes(5));
            current = TestLogs.segmentFiles(logDir).size();
        }
        // The rotation indexed the current segment, then the process died before it created the next one.
        Files.writeString(logDir.resolve(ClaimIndex.NAME), "%06d none%n".formatted(current), StandardOpenOption.APPEND);
        clock.advance(Duration.between(clock.instant(), NOW.minusSeconds(30)));
        try (DecisionLog log = DecisionLog.open(logDir, SEGMENT_BYTES * 4, clock)) {
            new ExecutionRecords(log, hmac).started("after-crash", "support-bot", NOW.plusSeconds(270)).join();
        }
        try (DecisionLog log = DecisionLog.open(logDir, SEGMENT_BYTES, clock)) {
            // Claims long expired, until the segment holding after-crash is sealed and indexed again.
            claim(new ExecutionRecords(log, hmac), clock, "filler-", 100, Duration.ZERO, Duration.ofHours(-2));
        }
        assertTrue(TestLogs.segmentFiles(logDir).size() > current + 1, "the segment was sealed");

        UsedTokens used = UsedTokens.fromLog(logDir, Clock.fixed(NOW, ZoneOffset.UTC));

        assertFalse(used.claim("after-crash", NOW.plusSeconds(270)));
    }

    private static void claim(ExecutionRecords records, MutableClock clock, String prefix, int count, Duration every,
                              Duration lifetime) {
        for (int i = 0; i < count; i++) {
            records.started(prefix + i, "support-bot", clock.instant().plus(lifetime)).join();
            clock.advance(every);
        }
    }
}
