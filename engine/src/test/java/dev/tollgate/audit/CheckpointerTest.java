package dev.tollgate.audit;

import dev.tollgate.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkpoints signed every N records, every T, and at close, with a key kept outside the data directory. */
class CheckpointerTest {
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    @Test
    void everyNRecordsAndAtCloseTheHeadIsSigned() throws Exception {
        CheckpointKey key = CheckpointKey.load(Optional.empty(), dir.resolve("keys/signing.pem"));
        CheckpointFile file = new CheckpointFile(dir.resolve("data/" + CheckpointFile.NAME));
        DecisionLog log = DecisionLog.open(dir.resolve("data/log"), TestLogs.ONE_MIB, TestLogs.CLOCK);
        Checkpointer checkpointer = new Checkpointer("file", log, key, file, 5, NEVER, Clock.systemUTC()).start();
        List<DecisionLog.Appended> acks = TestLogs.appendAll(log, 5);
        awaitCheckpoints(file, 1);
        TestLogs.appendAll(log, 2);
        log.close();
        checkpointer.close();

        List<Checkpoint> checkpoints = file.all();
        assertEquals(2, checkpoints.size(), checkpoints.toString());
        assertEquals(5, checkpoints.getFirst().seq());
        assertEquals(acks.getLast().hash(), checkpoints.getFirst().headHash());
        assertEquals(7, checkpoints.getLast().seq());
        assertEquals(log.headHash(), checkpoints.getLast().headHash());
        for (Checkpoint c : checkpoints) {
            assertEquals("file", c.stream());
            assertTrue(CheckpointKey.verifies(CheckpointKey.readPublicKey(dir.resolve("keys/signing.pub.pem")), c));
        }
    }

    @Test
    void afterTSecondsTheHeadIsSignedOnlyIfItMoved() throws Exception {
        CheckpointKey key = CheckpointKey.load(Optional.empty(), dir.resolve("signing.pem"));
        CheckpointFile file = new CheckpointFile(dir.resolve(CheckpointFile.NAME));
        try (DecisionLog log = DecisionLog.open(dir.resolve("log"), TestLogs.ONE_MIB, TestLogs.CLOCK)) {
            Checkpointer checkpointer = new Checkpointer("file", log, key, file, 1_000_000, Duration.ofMillis(50),
                    Clock.systemUTC()).start();
            TestLogs.appendAll(log, 3);
            awaitCheckpoints(file, 1);
            checkpointer.close();
        }
        assertEquals(List.of(3L), file.all().stream().map(Checkpoint::seq).toList());
    }

    @Test
    void aSignatureCoversEveryFieldAndOnlyTheKeysOwnPublicHalfVerifiesIt() throws Exception {
        CheckpointKey key = CheckpointKey.load(Optional.empty(), dir.resolve("a.pem"));
        CheckpointKey other = CheckpointKey.load(Optional.empty(), dir.resolve("b.pem"));
        Checkpoint signed = key.sign("file", 42, "ab".repeat(32), Instant.parse("2026-12-06T08:00:00Z"));

        assertTrue(CheckpointKey.verifies(key.publicKey(), signed));
        assertFalse(CheckpointKey.verifies(other.publicKey(), signed));
        assertFalse(CheckpointKey.verifies(key.publicKey(), new Checkpoint("file", 43, signed.headHash(),
                signed.time(), signed.keyId(), signed.signature())));
        assertFalse(CheckpointKey.verifies(key.publicKey(), new Checkpoint("file", 42, "cd".repeat(32),
                signed.time(), signed.keyId(), signed.signature())));
        assertFalse(CheckpointKey.verifies(key.publicKey(), new Checkpoint("other", 42, signed.headHash(),
                signed.time(), signed.keyId(), signed.signature())));
        assertNotEquals(CheckpointKey.keyId(key.publicKey()), CheckpointKey.keyId(other.publicKey()));
    }

    @Test
    void theKeyGivenAsPemTextSignsAsTheFileDoesAndIsNotWrittenAnywhere() throws Exception {
        Path file = dir.resolve("signing.pem");
        CheckpointKey created = CheckpointKey.load(Optional.empty(), file);
        Path elsewhere = dir.resolve("elsewhere/signing.pem");
        CheckpointKey fromText = CheckpointKey.load(Optional.of(Files.readString(file)), elsewhere);

        assertEquals(created.publicKeyPem(), fromText.publicKeyPem());
        assertFalse(Files.exists(elsewhere));
        assertEquals(created.publicKeyPem(), Files.readString(CheckpointKey.publicKeyFile(elsewhere)));
        Checkpoint signed = fromText.sign("file", 1, "00".repeat(32), Instant.EPOCH);
        assertTrue(CheckpointKey.verifies(CheckpointKey.readPublicKey(dir.resolve("signing.pub.pem")), signed));
    }

    @Test
    void aKeyGivenAsPemTextThatDiffersFromTheKeyFileIsRefused() throws Exception {
        Path file = dir.resolve("signing.pem");
        CheckpointKey.load(Optional.empty(), file);
        String exported = Files.readString(CheckpointKey.publicKeyFile(file));
        CheckpointKey.load(Optional.empty(), dir.resolve("other.pem"));

        IOException refused = assertThrows(IOException.class,
                () -> CheckpointKey.load(Optional.of(Files.readString(dir.resolve("other.pem"))), file));

        assertTrue(refused.getMessage().contains("TOLLGATE_SIGNING_KEY holds another key than " + file),
                refused.getMessage());
        assertEquals(exported, Files.readString(CheckpointKey.publicKeyFile(file)));
    }

    @Test
    void aTornLastLineIsSkippedAndCutBeforeTheNextAppend() throws Exception {
        CheckpointKey key = CheckpointKey.load(Optional.empty(), dir.resolve("signing.pem"));
        CheckpointFile file = new CheckpointFile(dir.resolve(CheckpointFile.NAME));
        file.append(key.sign("file", 1, "00".repeat(32), Instant.EPOCH));
        Files.writeString(file.path(), "{\"stream\":\"fi", StandardOpenOption.APPEND);
        assertEquals(1, file.all().size());

        file.append(key.sign("file", 2, "11".repeat(32), Instant.EPOCH));
        assertEquals(List.of(1L, 2L), file.all().stream().map(Checkpoint::seq).toList());
    }

    /** The checkpointer signs on its own thread: wait until it has written count checkpoints. */
    private static void awaitCheckpoints(CheckpointFile file, int count) throws Exception {
        Eventually.until(count + " checkpoints written", Duration.ofSeconds(30), () -> file.all().size(),
                n -> n >= count);
        assertEquals(count, file.all().size());
    }
}
