package dev.tollgate.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What verify says about checkpoints that cannot be checked: no key, an unreadable line, none at all. */
class CheckpointVerifierTest {
    @TempDir
    Path dir;

    private CheckpointKey key;
    private Path checkpoints;

    @BeforeEach
    void signedLog() throws Exception {
        key = CheckpointKey.load(Optional.empty(), dir.resolve("keys/signing.pem"));
        checkpoints = dir.resolve(CheckpointFile.NAME);
        try (DecisionLog log = DecisionLog.open(dir.resolve("log"), TestLogs.ONE_MIB, TestLogs.CLOCK)) {
            TestLogs.appendAll(log, 4);
            new CheckpointFile(checkpoints).append(key.sign("file", 4, log.headHash(), TestLogs.CLOCK.instant()));
        }
    }

    private CheckpointReport verify(CheckpointVerifier.KeySource source) throws Exception {
        CheckpointVerifier verifier = CheckpointVerifier.of(checkpoints, Optional.empty(), source);
        VerifyReport chain = new ChainVerifier().verify(dir.resolve("log"), verifier);
        return verifier.finish(chain.ok());
    }

    private CheckpointVerifier.KeySource ownKey() {
        return new CheckpointVerifier.KeySource(Optional.of(key.publicKey()), "test key");
    }

    @Test
    void anIntactLogReportsItsLastCheckpoint() throws Exception {
        CheckpointReport report = verify(ownKey());
        assertTrue(report.ok(), report.render());
        assertEquals(4, report.last().seq());
        assertEquals(0, report.recordsAfterLast());
    }

    @Test
    void checkpointsWithoutAPublicKeyFail() throws Exception {
        CheckpointReport report = verify(new CheckpointVerifier.KeySource(Optional.empty(), "none exported at X"));
        assertFalse(report.ok());
        assertEquals("1 checkpoints and no public key to check them (none exported at X): give --public-key FILE",
                report.failures().getFirst());
    }

    @Test
    void aLineThatIsNotACheckpointFailsNamingIt() throws Exception {
        Files.writeString(checkpoints, "{\"seq\":5}\n", StandardOpenOption.APPEND);
        CheckpointReport report = verify(ownKey());
        assertFalse(report.ok());
        assertTrue(report.failures().getFirst().startsWith("checkpoints.jsonl line 2: not a checkpoint"),
                report.failures().toString());
    }

    @Test
    void noCheckpointsAtAllIsSaidButDoesNotFail() throws Exception {
        Files.delete(checkpoints);
        CheckpointReport report = verify(ownKey());
        assertTrue(report.ok());
        assertNull(report.last());
        assertTrue(report.render().startsWith("Checkpoints: NONE: no checkpoints (checkpoints.jsonl is missing or"
                + " empty)."), report.render());
    }
}
