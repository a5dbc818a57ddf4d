package dev.tollgate.cli;

import dev.tollgate.Sha256;
import dev.tollgate.audit.Checkpoint;
import dev.tollgate.audit.CheckpointFile;
import dev.tollgate.audit.CheckpointKey;
import dev.tollgate.audit.TestLogs;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.tollgate.cli.AuditCommandsTest.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the chain alone cannot see and the signed checkpoints do, on a log the service wrote and stopped cleanly,
 * tampered with as someone with write access to the data directory (and not to the signing key) would: the tail
 * cut at a record boundary, a record deleted from the middle, a record changed and the chain recomputed after it,
 * checkpoints re-signed with another key. Each is caught by verify with the exported public key and with an
 * auditor's copy of it.
 */
class VerifyCheckpointsTest {
    /** The service's log after a clean stop: every test tampers with a copy. */
    private static Path written;
    private static long records;
    /** An auditor's copy of the public key, kept away from the service's machine. */
    private static Path auditorKey;

    @TempDir
    Path data;

    @BeforeAll
    static void decideAndStop(@TempDir Path auditor) throws Exception {
        try (TestService service = TestService.start()) {
            for (String body : Samples.BODIES) {
                assertEquals(200, service.decide(TestService.CLAIMS_KEY, body).statusCode());
            }
            written = service.dataDir();
        }
        records = segmentLines(written).size();
        auditorKey = Files.copy(CheckpointKey.publicKeyFile(CheckpointKey.file("", System::getenv)),
                auditor.resolve("tollgate-checkpoints.pub.pem"));
    }

    @Test
    void aCleanStopLeavesACheckpointAtTheLastRecord() throws Exception {
        copyLog();
        for (List<String> options : keyChoices()) {
            AuditCommandsTest.Run run = verify(options);
            assertEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("Checkpoints: OK"), run.output());
            assertTrue(run.output().contains("Last checkpoint: seq " + records + " at "), run.output());
            assertTrue(run.output().contains("; 0 records after it"), run.output());
        }
    }

    @Test
    void theTailCutAtARecordBoundaryIsNamedAsMissingRecords() throws Exception {
        copyLog();
        List<String> lines = segmentLines(data);
        TestLogs.writeLines(segment(data), lines.subList(0, lines.size() - 2));

        for (List<String> options : keyChoices()) {
            AuditCommandsTest.Run run = verify(options);
            assertEquals(VerifyCommand.CHAIN_BROKEN, run.exitCode(), run.output());
            assertTrue(run.output().contains("Decision log: OK"), run.output());
            assertTrue(run.output().contains("records " + (records - 1) + " to " + records + " are missing"),
                    run.output());
            assertTrue(run.output().contains("the log ends at seq " + (records - 2) + " (records cut off the end)"),
                    run.output());
        }
    }

    @Test
    void aRecordDeletedFromTheMiddleIsCaughtWithOrWithoutTheChainRecomputed() throws Exception {
        copyLog();
        List<String> lines = new ArrayList<>(segmentLines(data));
        lines.remove(2);
        TestLogs.writeLines(segment(data), lines);
        for (List<String> options : keyChoices()) {
            AuditCommandsTest.Run run = verify(options);
            assertEquals(VerifyCommand.CHAIN_BROKEN, run.exitCode(), run.output());
            assertTrue(run.output().contains("sequence gap: expected 3, found 4"), run.output());
        }

        TestLogs.writeLines(segment(data), recomputed(lines, 2));
        for (List<String> options : keyChoices()) {
            AuditCommandsTest.Run run = verify(options);
            assertEquals(VerifyCommand.CHAIN_BROKEN, run.exitCode(), run.output());
            assertTrue(run.output().contains("Decision log: OK"), run.output());
            assertTrue(run.output().contains("records " + records + " to " + records + " are missing"), run.output());
        }
    }

    @Test
    void aChangedRecordWithTheChainRecomputedAfterItIsCaught() throws Exception {
        copyLog();
        List<String> lines = new ArrayList<>(segmentLines(data));
        int changed = indexOfLineWith(lines, "\"effect\":\"allow\"");
        lines.set(changed, lines.get(changed).replace("\"effect\":\"allow\"", "\"effect\":\"deny\""));
        TestLogs.writeLines(segment(data), recomputed(lines, changed));

        for (List<String> options : keyChoices()) {
            AuditCommandsTest.Run run = verify(options);
            assertEquals(VerifyCommand.CHAIN_BROKEN, run.exitCode(), run.output());
            assertTrue(run.output().contains("Decision log: OK"), run.output());
            assertTrue(run.output().contains("record " + records + " (" + segment(data).getFileName() + " line "
                    + records + ") is not the one signed at"), run.output());
            assertTrue(run.output().contains("were changed or removed and the chain recomputed"), run.output());
        }
    }

    @Test
    void checkpointsReSignedWithAnotherKeyAreForgedToTheAuditorsCopy(@TempDir Path attacker) throws Exception {
        copyLog();
        List<String> lines = new ArrayList<>(segmentLines(data));
        int changed = indexOfLineWith(lines, "\"effect\":\"allow\"");
        lines.set(changed, lines.get(changed).replace("\"effect\":\"allow\"", "\"effect\":\"deny\""));
        List<String> forgedLog = recomputed(lines, changed);
        TestLogs.writeLines(segment(data), forgedLog);
        CheckpointFile checkpoints = new CheckpointFile(data.resolve(CheckpointFile.NAME));
        List<Checkpoint> genuine = checkpoints.all();
        CheckpointKey theirs = CheckpointKey.load(Optional.empty(), attacker.resolve("key.pem"));
        Files.delete(checkpoints.path());
        for (Checkpoint c : genuine) {
            checkpoints.append(theirs.sign(c.stream(), c.seq(), hashOf(forgedLog.get((int) c.seq() - 1)),
                    Instant.parse(c.time())));
        }

        AuditCommandsTest.Run run = verify(List.of("--public-key", auditorKey.toString()));

        assertEquals(VerifyCommand.CHAIN_BROKEN, run.exitCode(), run.output());
        assertTrue(run.output().contains("Decision log: OK"), run.output());
        assertTrue(run.output().contains("forged checkpoint: its signature does not verify under the public key "
                + CheckpointKey.keyId(CheckpointKey.readPublicKey(auditorKey))), run.output());
    }

    private List<List<String>> keyChoices() {
        return List.of(List.of(), List.of("--public-key", auditorKey.toString()));
    }

    private AuditCommandsTest.Run verify(List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data-dir", data.toString()));
        args.addAll(options);
        return capture(() -> VerifyCommand.run(args));
    }

    private void copyLog() throws IOException {
        Files.createDirectories(data.resolve("log"));
        Files.copy(segment(written), data.resolve("log").resolve(segment(written).getFileName()));
        Files.copy(written.resolve(CheckpointFile.NAME), data.resolve(CheckpointFile.NAME));
    }

    private static Path segment(Path dataDir) throws IOException {
        List<Path> segments = TestLogs.segmentFiles(dataDir.resolve("log"));
        assertEquals(1, segments.size());
        return segments.getFirst();
    }

    private static List<String> segmentLines(Path dataDir) throws IOException {
        return TestLogs.lines(segment(dataDir));
    }

    private static int indexOfLineWith(List<String> lines, String text) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " in no record after the first");
    }

    /**
     * The forger's script: from index from on, renumber seq, relink prev_hash and rehash each line by the
     * documented rule (SHA-256 of the line without its hash field).
     */
    static List<String> recomputed(List<String> lines, int from) {
        List<String> out = new ArrayList<>(lines.subList(0, from));
        String prev = from == 0 ? "0".repeat(64) : hashOf(lines.get(from - 1));
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("^\\{\"seq\":\\d+,", "{\"seq\":" + (i + 1) + ",")
                    .replaceFirst("\"prev_hash\":\"[0-9a-f]{64}\"", "\"prev_hash\":\"" + prev + "\"");
            String hashed = line.substring(0, line.lastIndexOf(",\"hash\":\"")) + "}";
            prev = Sha256.hex(hashed.getBytes(StandardCharsets.UTF_8));
            out.add(hashed.substring(0, hashed.length() - 1) + ",\"hash\":\"" + prev + "\"}");
        }
        return out;
    }

    private static String hashOf(String line) {
        return line.substring(line.length() - 66, line.length() - 2);
    }
}
