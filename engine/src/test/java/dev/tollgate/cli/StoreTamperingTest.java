package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.testing.ClassStore;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tollgate.cli.AuditCommandsTest.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tamperings of {@link VerifyCheckpointsTest} on the shared PostgreSQL store, done as someone with write access
 * to the database (and not to the signing key) would, with SQL on the rows of a replica's stream: a record deleted
 * from the middle, with and without the chain recomputed after it, and a record changed with the chain recomputed.
 * Each is caught by {@code verify --store} with the service's public key and with an auditor's copy of it.
 */
class StoreTamperingTest {
    private static final String STREAM = "replica-a";

    @RegisterExtension
    static final ClassStore STORE = new ClassStore();
    /** The stream's rows after a clean stop, restored after every test. */
    private static List<String> written;
    private static Path publicKey;
    private static Path auditorKey;

    @BeforeAll
    static void decideAndStop(@TempDir Path dir, @TempDir Path auditor) throws Exception {
        Path signing = dir.resolve("signing/checkpoint-signing.pem");
        publicKey = dir.resolve("signing/checkpoint-signing.pub.pem");
        Path data = Files.createDirectories(dir.resolve("a"));
        Map<String, String> env = Map.of("TOLLGATE_SIGNING_KEY_FILE", signing.toString());
        try (TestService replica = STORE.store().replica(STREAM, data, env)) {
            for (String body : Samples.BODIES) {
                assertEquals(200, replica.decide(TestService.CLAIMS_KEY, body).statusCode());
            }
        }
        written = List.copyOf(lines());
        assertEquals(Samples.BODIES.size(), written.size());
        auditorKey = Files.copy(publicKey, auditor.resolve("tollgate-checkpoints.pub.pem"));
    }

    @AfterEach
    void restore() throws Exception {
        rewrite(written);
    }

    @Test
    void theUntamperedStoreVerifiesUpToTheCheckpointOfTheCleanStop() throws Exception {
        for (Path key : keys()) {
            AuditCommandsTest.Run run = verify(key);
            assertEquals(0, run.exitCode(), run.output());
            assertTrue(run.output().contains("Last checkpoint: seq " + written.size() + " at "), run.output());
        }
    }

    @Test
    void aRecordDeletedFromTheMiddleIsCaughtWithOrWithoutTheChainRecomputed() throws Exception {
        List<String> lines = new ArrayList<>(written);
        lines.remove(2);
        rewrite(lines);
        for (Path key : keys()) {
            AuditCommandsTest.Run run = verify(key);
            assertEquals(VerifyCommand.CHAIN_BROKEN, run.exitCode(), run.output());
            assertTrue(run.output().contains("sequence gap: expected 3, found 4"), run.output());
        }

        rewrite(VerifyCheckpointsTest.recomputed(lines, 2));
        for (Path key : keys()) {
            AuditCommandsTest.Run run = verify(key);
            assertEquals(VerifyCommand.CHAIN_BROKEN, run.exitCode(), run.output());
            assertTrue(run.output().contains("Stream " + STREAM + ":\nDecision log: OK"), run.output());
            assertTrue(run.output().contains("checkpoint 1 of stream " + STREAM + ": records " + written.size()
                    + " to " + written.size() + " are missing"), run.output());
        }
    }

    @Test
    void aChangedRecordWithTheChainRecomputedAfterItIsCaught() throws Exception {
        List<String> lines = new ArrayList<>(written);
        int changed = lines.size() / 2;
        assertTrue(lines.get(changed).contains("\"effect\":\"allow\""), lines.get(changed));
        lines.set(changed, lines.get(changed).replace("\"effect\":\"allow\"", "\"effect\":\"deny\""));
        rewrite(VerifyCheckpointsTest.recomputed(lines, changed));

        for (Path key : keys()) {
            AuditCommandsTest.Run run = verify(key);
            assertEquals(VerifyCommand.CHAIN_BROKEN, run.exitCode(), run.output());
            assertTrue(run.output().contains("Stream " + STREAM + ":\nDecision log: OK"), run.output());
            assertTrue(run.output().contains("were changed or removed and the chain recomputed"), run.output());
        }
    }

    /** The service's public key, and an auditor's copy of it. */
    private static List<Path> keys() {
        return List.of(publicKey, auditorKey);
    }

    private static AuditCommandsTest.Run verify(Path key) throws Exception {
        return capture(() -> VerifyCommand.run(List.of("--store", STORE.url(), "--public-key", key.toString())));
    }

    private static List<String> lines() throws SQLException {
        try (PostgresStore shared = PostgresStore.connect(STORE.url());
             Connection connection = shared.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select line from log_records where stream = ? order by seq")) {
            select.setString(1, STREAM);
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return lines;
        }
    }

    /** Replaces the stream's rows with lines, each row keyed by the seq and time its line carries. */
    private static void rewrite(List<String> lines) throws Exception {
        try (PostgresStore shared = PostgresStore.connect(STORE.url());
             Connection connection = shared.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from log_records where stream = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "insert into log_records (stream, seq, time, line) values (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            delete.setString(1, STREAM);
            delete.executeUpdate();
            for (String line : lines) {
                JsonNode record = Json.MAPPER.readTree(line);
                insert.setString(1, STREAM);
                insert.setLong(2, record.get("seq").asLong());
                insert.setTimestamp(3, Timestamp.from(Instant.parse(record.get("time").asText())));
                insert.setString(4, line);
                insert.executeUpdate();
            }
            connection.commit();
        }
    }
}
