package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.CheckpointKey;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.testing.ClassStore;
import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.TestService;
import dev.tollgate.testing.TestStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.tollgate.cli.AuditCommandsTest.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * verify and export with {@code --store}: they read every replica's stream of the shared store, a decision made on
 * one replica and executed on the other links across the streams, and records cut off the end of a stream are
 * caught by its signed checkpoints.
 */
class StoreAuditCommandsTest {
    private static final String KEY = "demo-support-bot";
    private static final String DECIDE = """
            {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "When do you open?"}]}}""";

    @RegisterExtension
    static final ClassStore STORE = new ClassStore();
    private static Path publicKey;
    /** Replica a's data directory, whose policy store replay reads. */
    private static Path first;
    /** GET /v1/audit/checkpoints as a witness saved it, once both streams had been checkpointed. */
    private static Path witness;
    /** Records per stream after both replicas stopped cleanly. */
    private static final Map<String, Long> RECORDS = new TreeMap<>();

    @BeforeAll
    static void decideOnBothExecuteAcrossAndStop(@TempDir Path dir) throws Exception {
        Path signing = dir.resolve("signing/checkpoint-signing.pem");
        publicKey = dir.resolve("signing/checkpoint-signing.pub.pem");
        Map<String, String> env = Map.of("TOLLGATE_SIGNING_KEY_FILE", signing.toString(),
                "TOLLGATE_CHECKPOINT_EVERY_RECORDS", "1");
        first = Files.createDirectories(dir.resolve("a"));
        witness = dir.resolve("witness/checkpoints.json");
        Path second = Files.createDirectories(dir.resolve("b"));
        try (TestService a = STORE.store().replica("replica-a", first, env)) {
            TestStore.shareKeys(first, second);
            try (TestService b = STORE.store().replica("replica-b", second, env)) {
                String token = token(a);
                token(b);
                ObjectNode body = (ObjectNode) Json.MAPPER.readTree(DECIDE);
                body.put("token", token);
                body.put("max_tokens", 8);
                HttpResponse<String> executed = b.execute(KEY, Json.MAPPER.writeValueAsString(body));
                assertEquals(200, executed.statusCode(), executed.body());
                Files.createDirectories(witness.getParent());
                Files.writeString(witness, awaitCheckpoints(b, Map.of("replica-a", 1L, "replica-b", 3L)));
            }
        }
        RECORDS.putAll(query("select stream, count(*) from log_records group by stream"));
        assertEquals(Map.of("replica-a", 1L, "replica-b", 3L), RECORDS, "a decision each, b's start and outcome");
    }

    private static String token(TestService replica) throws Exception {
        HttpResponse<String> decided = replica.decide(KEY, DECIDE);
        assertEquals(200, decided.statusCode(), decided.body());
        return Json.MAPPER.readTree(decided.body()).get("token").asText();
    }

    /** The checkpointers sign on threads of their own: the witness saves the body once they have caught up. */
    private static String awaitCheckpoints(TestService replica, Map<String, Long> heads) throws Exception {
        return Eventually.until("checkpoints at " + heads, Duration.ofSeconds(30), () -> {
            HttpResponse<String> served = replica.send(HttpRequest.newBuilder(replica.uri("/v1/audit/checkpoints"))
                    .header("Authorization", "Bearer demo-auditor").GET().build());
            assertEquals(200, served.statusCode(), served.body());
            Map<String, Long> signed = new TreeMap<>();
            Json.MAPPER.readTree(served.body()).path("checkpoints").forEach(c ->
                    signed.merge(c.path("stream").asText(), c.path("seq").asLong(), Math::max));
            return Map.entry(signed, served.body());
        }, signedAndServed -> signedAndServed.getKey().equals(heads)).getValue();
    }

    private static Map<String, Long> query(String sql) throws Exception {
        try (PostgresStore shared = PostgresStore.connect(STORE.url());
             Connection connection = shared.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            Map<String, Long> result = new TreeMap<>();
            while (rows.next()) {
                result.put(rows.getString(1), rows.getLong(2));
            }
            return result;
        }
    }

    private static AuditCommandsTest.Run verify() throws Exception {
        return capture(() -> VerifyCommand.run(List.of("--store", STORE.url(), "--public-key", publicKey.toString())));
    }

    @Test
    void verifyChecksEveryStreamAgainstItsCheckpointsAndTheLinkageAcrossThem() throws Exception {
        AuditCommandsTest.Run run = verify();

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Stream replica-a:\nDecision log: OK\nRecords checked: 1"), run.output());
        assertTrue(run.output().contains("Stream replica-b:\nDecision log: OK\nRecords checked: 3"), run.output());
        assertTrue(run.output().contains("Last checkpoint: seq 1 at "), run.output());
        assertTrue(run.output().contains("Last checkpoint: seq 3 at "), run.output());
        assertTrue(run.output().contains("Linkage: OK (0 errors, 0 warnings)"), run.output());
    }

    @Test
    void exportWritesEveryStreamsRecordsAsLogged() throws Exception {
        AuditCommandsTest.Run run = capture(() -> ExportCommand.run(List.of("--store", STORE.url())));

        assertEquals(0, run.exitCode(), run.output());
        List<String> lines = run.output().lines().toList();
        assertEquals(4, lines.size(), run.output());
        List<String> types = new ArrayList<>();
        for (String line : lines) {
            JsonNode record = Json.MAPPER.readTree(line);
            assertTrue(record.path("hash").asText().matches("[0-9a-f]{64}"), line);
            types.add(record.path("type").asText());
        }
        assertEquals(List.of("decision", "decision", "execution", "execution_started"), types.stream().sorted().toList());
    }

    @Test
    void replayReDecidesTheDecisionsOfEveryStreamUnderThePolicyVersionsTheStoreHolds() throws Exception {
        Path noReplicasDirectory = Files.createTempDirectory("tollgate-no-data");
        AuditCommandsTest.Run run = capture(() -> ReplayCommand.run(List.of("--store", STORE.url(),
                "--data-dir", noReplicasDirectory.toString())));

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Decisions replayed: 2\nMatches: 2\nMismatches: 0\n"), run.output());
    }

    @Test
    void withoutThePublicKeyOfTheServicesSigningKeyVerifySaysWhichKeySignedAndHowToGiveIt() throws Exception {
        // The default key (under XDG_CONFIG_HOME) is not the one the replicas were given.
        Path defaultKey = CheckpointKey.file("", System::getenv);
        CheckpointKey.load(Optional.empty(), defaultKey);
        String serviceKey = CheckpointKey.keyId(CheckpointKey.readPublicKey(publicKey));

        AuditCommandsTest.Run run = capture(() -> VerifyCommand.run(List.of("--store", STORE.url())));

        assertEquals(VerifyCommand.CHAIN_BROKEN, run.exitCode(), run.output());
        assertTrue(run.output().contains("checkpoints name the key " + serviceKey + " and were checked with "
                + CheckpointKey.keyId(CheckpointKey.readPublicKey(CheckpointKey.publicKeyFile(defaultKey))) + " from "
                + CheckpointKey.publicKeyFile(defaultKey) + " (no --public-key"), run.output());
        assertTrue(run.output().contains("give verify that key's public half with --public-key FILE"), run.output());
    }

    @Test
    void aWitnessCopyCatchesAStreamCutTogetherWithItsCheckpoints() throws Throwable {
        withTheEndOfStreamBCut(true, () -> {
            AuditCommandsTest.Run alone = verify();
            assertEquals(0, alone.exitCode(), alone.output());
            assertTrue(alone.output().contains("NONE: no checkpoints (none of stream replica-b in the store)"),
                    alone.output());

            AuditCommandsTest.Run witnessed = capture(() -> VerifyCommand.run(List.of("--store", STORE.url(),
                    "--public-key", publicKey.toString(), "--checkpoints", witness.toString())));

            assertEquals(VerifyCommand.CHAIN_BROKEN, witnessed.exitCode(), witnessed.output());
            assertTrue(witnessed.output().contains("witness checkpoints.json #"), witnessed.output());
            assertTrue(witnessed.output().contains("records 3 to 3 are missing"), witnessed.output());
        });
    }

    @Test
    void recordsCutOffTheEndOfAStreamAreCaughtByItsCheckpoint() throws Throwable {
        withTheEndOfStreamBCut(false, () -> {
            AuditCommandsTest.Run run = verify();

            assertEquals(VerifyCommand.CHAIN_BROKEN, run.exitCode(), run.output());
            assertTrue(run.output().contains("of stream replica-b: records 3 to 3 are missing"), run.output());
        });
    }

    /** Runs check with the last record of stream replica-b deleted (and its checkpoints too, when asked), then puts them back. */
    private static void withTheEndOfStreamBCut(boolean checkpointsToo, Executable check) throws Throwable {
        try (PostgresStore shared = PostgresStore.connect(STORE.url());
             Connection connection = shared.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create temporary table cut as select * from log_records where stream = 'replica-b' and seq = 3");
            statement.execute("create temporary table unsigned as select * from checkpoints where stream = 'replica-b'");
            assertEquals(1, statement.executeUpdate("delete from log_records where stream = 'replica-b' and seq = 3"));
            if (checkpointsToo) {
                statement.executeUpdate("delete from checkpoints where stream = 'replica-b'");
            }
            try {
                check.execute();
            } finally {
                statement.executeUpdate("insert into log_records select * from cut");
                if (checkpointsToo) {
                    statement.executeUpdate("insert into checkpoints select * from unsigned");
                }
            }
        }
    }
}
