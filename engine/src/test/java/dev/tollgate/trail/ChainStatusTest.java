package dev.tollgate.trail;

import dev.tollgate.Json;
import dev.tollgate.audit.DecisionLog;
import dev.tollgate.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The overview's trail status: verified once an interval, with its time, and broken once a record was changed. */
class ChainStatusTest {
    @TempDir
    Path dir;

    @Test
    void aChangedRecordShowsTheTrailBrokenAtTheNextVerifyAndTheResultSaysWhenItWasComputed() throws Exception {
        Path logDir = dir.resolve("log");
        try (DecisionLog log = DecisionLog.open(logDir, 1 << 20, Clock.systemUTC())) {
            for (int n = 1; n <= 3; n++) {
                log.append(Json.MAPPER.createObjectNode().put("type", "note").put("n", n)).join();
            }
        }
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T09:00:00Z"));
        ChainStatus status = new ChainStatus(TrailSource.of(logDir), clock);

        ChainStatus.Verified first = status.now();
        assertTrue(first.intact());
        assertEquals(3, first.records());
        assertEquals(Map.of(FileTrail.STREAM, first.streams().get(FileTrail.STREAM)), first.streams());
        assertEquals(clock.instant(), first.at());

        Path segment = logDir.resolve("decisions-000001.jsonl");
        String lines = Files.readString(segment);
        assertTrue(lines.contains("\"n\":2"));
        Files.writeString(segment, lines.replace("\"n\":2", "\"n\":7"));
        clock.advance(ChainStatus.KEPT.minusSeconds(1));
        assertSame(first, status.now(), "within the interval the last result is shown, with its time");

        clock.advance(Duration.ofSeconds(1));
        ChainStatus.Verified again = status.now();
        assertFalse(again.intact());
        assertEquals(clock.instant(), again.at());
        assertEquals(1, again.records(), "intact up to the changed record");
        assertTrue(again.streams().get(FileTrail.STREAM).firstFailure().reason().contains("hash mismatch"),
                again.toString());
    }
}
