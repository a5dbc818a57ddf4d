package dev.tollgate.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;

import static dev.tollgate.audit.TestLogs.CLOCK;
import static dev.tollgate.audit.TestLogs.body;
import static dev.tollgate.audit.TestLogs.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures made real rather than simulated, so that they also hold when the tests run as root. */
class DecisionLogFailureTest {
    /** Every record goes to a segment of its own, so every append after the first creates a file. */
    private static final long ONE_RECORD_PER_SEGMENT = 1;

    @TempDir
    Path root;

    @Test
    void failedWriteFailsTheAppendAndTheLogIsUnwritableUntilAWriteSucceeds() throws Exception {
        Path dir = root.resolve("log");
        try (DecisionLog log = DecisionLog.open(dir, ONE_RECORD_PER_SEGMENT, CLOCK)) {
            log.append(body(1)).join();
            Files.createDirectory(segment(dir, 2));

            CompletionException failed = assertThrows(CompletionException.class, () -> log.append(body(2)).join());
            assertInstanceOf(IOException.class, failed.getCause());
            assertFalse(log.writable());
            assertEquals(1, log.lastSeq());

            Files.delete(segment(dir, 2));
            assertFalse(log.writable());
            assertEquals(2, log.append(body(2)).join().seq());
            assertTrue(log.writable());
        }
        VerifyReport report = new ChainVerifier().verify(dir);
        assertTrue(report.ok(), report.render());
        assertEquals(2, report.recordsChecked());
    }

    @Test
    void vanishedDirectoryMakesTheLogUnwritableAndAppendsFailUntilItIsBack() throws Exception {
        Path dir = root.resolve("log");
        Path away = root.resolve("away");
        try (DecisionLog log = DecisionLog.open(dir, ONE_RECORD_PER_SEGMENT, CLOCK)) {
            log.append(body(1)).join();
            assertTrue(log.writable());

            Files.move(dir, away);
            Files.createFile(dir);
            assertFalse(log.writable());
            CompletionException failed = assertThrows(CompletionException.class, () -> log.append(body(2)).join());
            assertInstanceOf(IOException.class, failed.getCause());

            Files.delete(dir);
            Files.move(away, dir);
            assertEquals(2, log.append(body(2)).join().seq());
            assertTrue(log.writable());
        }
        VerifyReport report = new ChainVerifier().verify(dir);
        assertTrue(report.ok(), report.render());
        assertEquals(2, report.recordsChecked());
    }
}
