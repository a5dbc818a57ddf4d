package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.audit.CheckpointFile;
import dev.tollgate.audit.CheckpointKey;
import dev.tollgate.audit.TestLogs;
import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.tollgate.cli.AuditCommandsTest.capture;
import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A witness keeps copies of the checkpoints from GET /v1/audit/checkpoints (an auditor's key, never an
 * application's): when someone who can write the data directory cuts the log and deletes the checkpoints file too,
 * verify alone can only say that there are none; with the witness's copy it names the missing records.
 */
class WitnessCheckpointsTest {
    private static final String AUDITOR_KEY = "demo-auditor";

    @Test
    void aWitnessCopyCatchesACutLogWhoseCheckpointsWereDeleted(@TempDir Path witness) throws Exception {
        Path data;
        long records;
        Path copy = witness.resolve("checkpoints.json");
        try (TestService service = TestService.start(TestService.POLICIES, null,
                Map.of("TOLLGATE_CHECKPOINT_EVERY_RECORDS", "1"))) {
            for (String body : Samples.BODIES) {
                assertEquals(200, service.decide(TestService.CLAIMS_KEY, body).statusCode());
            }
            records = service.logRecords();
            JsonNode served = awaitCheckpointAt(service, records);
            assertEquals(CheckpointKey.keyId(CheckpointKey.readPublicKey(
                    CheckpointKey.publicKeyFile(CheckpointKey.file("", System::getenv)))), served.path("key_id").asText());
            assertTrue(served.path("public_key").asText().startsWith("-----BEGIN PUBLIC KEY-----"), served.toString());
            Files.writeString(copy, served.toString());
            data = service.dataDir();
        }
        Path segment = TestLogs.segmentFiles(data.resolve("log")).getFirst();
        TestLogs.writeLines(segment, TestLogs.lines(segment).subList(0, 1));
        Files.delete(data.resolve(CheckpointFile.NAME));

        AuditCommandsTest.Run alone = capture(() -> VerifyCommand.run(List.of("--data-dir", data.toString())));
        assertEquals(0, alone.exitCode(), alone.output());
        assertTrue(alone.output().contains("Checkpoints: NONE: no checkpoints (checkpoints.jsonl is missing or empty)"),
                alone.output());

        AuditCommandsTest.Run witnessed = capture(() -> VerifyCommand.run(List.of("--data-dir", data.toString(),
                "--checkpoints", copy.toString())));
        assertEquals(VerifyCommand.CHAIN_BROKEN, witnessed.exitCode(), witnessed.output());
        assertTrue(witnessed.output().contains("witness checkpoints.json #"), witnessed.output());
        assertTrue(witnessed.output().contains("records 2 to " + records + " are missing"), witnessed.output());
    }

    @Test
    void checkpointsAreForAuditorsNotApplications() {
        try (TestService service = TestService.start()) {
            assertEquals(200, service.decide(TestService.CLAIMS_KEY, Samples.BODIES.getFirst()).statusCode());
            assertProblem(get(service, TestService.CLAIMS_KEY), 403, "forbidden");
            assertProblem(get(service, "not-a-key"), 401, "unauthorized");
            assertProblem(service.send(HttpRequest.newBuilder(service.uri("/v1/audit/checkpoints")).GET().build()),
                    401, "unauthorized");
            assertProblem(service.post("/v1/audit/checkpoints", AUDITOR_KEY, "{}"), 405, "method-not-allowed");
            assertProblem(service.send(HttpRequest.newBuilder(service.uri("/v1/audit/checkpoints?after=1"))
                    .header("Authorization", "Bearer " + AUDITOR_KEY).GET().build()), 400, "bad-request");
            assertEquals(200, get(service, AUDITOR_KEY).statusCode());
        }
    }

    private static HttpResponse<String> get(TestService service, String key) {
        return service.send(HttpRequest.newBuilder(service.uri("/v1/audit/checkpoints"))
                .header("Authorization", "Bearer " + key).GET().build());
    }

    /** The checkpointer signs on its own thread once a write is on disk: the copy is taken once it has caught up. */
    private static JsonNode awaitCheckpointAt(TestService service, long seq) throws Exception {
        return Eventually.until("a checkpoint at seq " + seq, Duration.ofSeconds(30), () -> {
            HttpResponse<String> response = get(service, AUDITOR_KEY);
            assertEquals(200, response.statusCode(), response.body());
            return Json.MAPPER.readTree(response.body());
        }, body -> {
            JsonNode checkpoints = body.path("checkpoints");
            return !checkpoints.isEmpty() && checkpoints.get(checkpoints.size() - 1).path("seq").asLong() == seq;
        });
    }
}
