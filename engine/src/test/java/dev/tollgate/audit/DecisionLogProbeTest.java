package dev.tollgate.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;

import static dev.tollgate.audit.TestLogs.CLOCK;
import static dev.tollgate.audit.TestLogs.body;
import static dev.tollgate.audit.TestLogs.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The append probe behind readiness: it passes only when the next append would. */
class DecisionLogProbeTest {
    private static final long ONE_RECORD_PER_SEGMENT = 1;

    @TempDir
    Path root;

    @Test
    void aHealthyLogPassesWithoutWritingARecord() throws Exception {
        Path dir = root.resolve("log");
        try (DecisionLog log = DecisionLog.open(dir, ONE_RECORD_PER_SEGMENT, CLOCK)) {
            log.append(body(1)).join();
            assertTrue(log.probe());
            assertEquals(1, log.lastSeq());
        }
        assertEquals(1, new ChainVerifier().verify(dir).recordsChecked());
    }

    @Test
    void afterAFailedAppendTheProbeFailsUntilTheCauseIsGoneThenTheLogIsWritableAgain() throws Exception {
        Path dir = root.resolve("log");
        try (DecisionLog log = DecisionLog.open(dir, ONE_RECORD_PER_SEGMENT, CLOCK)) {
            log.append(body(1)).join();
            Files.createDirectory(segment(dir, 2));
            assertThrows(CompletionException.class, () -> log.append(body(2)).join());

            // The directory is writable, yet the next append would fail again: not ready.
            assertTrue(Files.isWritable(dir));
            assertFalse(log.probe());
            assertFalse(log.writable());

            Files.delete(segment(dir, 2));
            assertTrue(log.probe());
            assertTrue(log.writable());
            assertEquals(2, log.append(body(2)).join().seq());
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.filter(file -> !file.getFileName().toString().equals(ClaimIndex.NAME)).count(),
                    "the probe leaves no file behind, beside the segments and the index of their claims");
        }
        VerifyReport report = new ChainVerifier().verify(dir);
        assertTrue(report.ok(), report.render());
    }

    @Test
    void aClosedLogFailsTheProbe() throws Exception {
        DecisionLog log = DecisionLog.open(root.resolve("log"), ONE_RECORD_PER_SEGMENT, CLOCK);
        log.close();
        assertFalse(log.probe());
    }
}
