package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.ExecutionLogWriter;
import dev.tollgate.cli.AuditCommandsTest.Run;
import dev.tollgate.testing.OfflineAnswers;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tollgate.cli.AuditCommandsTest.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** verify's linkage checks as an auditor runs them: exit codes, the printed report and --json. */
class VerifyLinkageCommandTest {
    private static final String SUPPORT_BOT = "demo-support-bot";

    @TempDir
    Path data;

    private ExecutionLogWriter writer() throws Exception {
        return new ExecutionLogWriter(data.resolve("log"), 1 << 20);
    }

    private Run verify(String... extra) throws Exception {
        return verify(data, extra);
    }

    private static Run verify(Path dataDir, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        args.addAll(List.of(extra));
        return capture(() -> VerifyCommand.run(args));
    }

    @Test
    void theServicesOwnDecisionsExecutionsAndRefusalsLinkUp() throws Exception {
        String decide = """
                {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "%s"}]}}""";
        String question = "What are your opening hours on Saturday?";
        Path serviceData;
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools"),
                Map.of("TOLLGATE_SLM_MODEL", TestService.slmModel()))) {
            HttpResponse<String> decided = service.decide(SUPPORT_BOT, decide.formatted(question));
            assertEquals(200, decided.statusCode(), decided.body());
            ObjectNode execute = (ObjectNode) Json.MAPPER.readTree(decide.formatted(question + " And Sunday?"));
            execute.put("token", Json.MAPPER.readTree(decided.body()).get("token").asText());
            execute.put("max_tokens", 8);
            assertEquals(403, service.execute(SUPPORT_BOT, Json.MAPPER.writeValueAsString(execute)).statusCode());
            execute.set("input", Json.MAPPER.readTree(decide.formatted(question)).get("input"));
            // Answered or failed (an unavailable on-device model): either way one execution record follows.
            service.execute(SUPPORT_BOT, Json.MAPPER.writeValueAsString(execute));
            assertEquals(409, service.execute(SUPPORT_BOT, Json.MAPPER.writeValueAsString(execute)).statusCode());
            serviceData = service.dataDir();
        }
        Run run = verify(serviceData, "--json");
        assertEquals(0, run.exitCode(), run.output());
        JsonNode linkage = Json.MAPPER.readTree(run.output()).path("linkage");
        assertEquals(0, linkage.path("errors").asLong(), run.output());
        assertEquals(0, linkage.path("warnings").asLong(), run.output());
        assertEquals(1, linkage.path("records_by_type").path("execution_started").asLong(), run.output());
        assertEquals(1, linkage.path("records_by_type").path("execution").asLong(), run.output());
        assertEquals(2, linkage.path("records_by_type").path("execution_refused").asLong(), run.output());
        assertEquals(1, linkage.path("refusals_by_problem").path("token-used").asLong(), run.output());
        assertTrue(linkage.path("executions_by_route").fieldNames().next().startsWith("slm-local / "), run.output());
    }

    /**
     * A cloud that refuses the validation (401, a bad key) is tried the configured number of times, waiting longer
     * each time, and then the validation is set aside as failed: visible to its caller, in the metrics and in verify.
     */
    @Test
    void aValidationTheCloudKeepsRefusingFailsAfterItsAttemptsVisiblyInMetricsAndVerify() throws Exception {
        Path serviceData;
        try (RecordingCloud cloud = RecordingCloud.start();
             TestService service = TestService.start(TestService.POLICIES, List.of("drools"), Map.of(
                     "TOLLGATE_SLM_MODEL", TestService.slmModel(),
                     "TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(),
                     "TOLLGATE_CLOUD_EU_MODEL", "cloud-model",
                     "TOLLGATE_CLOUD_EU_KEY", "revoked-key",
                     "TOLLGATE_VALIDATION_RETRY_MS", "500",
                     "TOLLGATE_VALIDATION_LONGEST_WAIT_MS", "1000",
                     "TOLLGATE_VALIDATION_MAX_ATTEMPTS", "3"))) {
            String id = OfflineAnswers.executeWhileDown(service, cloud, "Explain step by step how compound interest "
                    + "grows a savings account.").get("validation_id").asText();
            cloud.refuse(401);
            cloud.down(false);
            JsonNode failed = OfflineAnswers.ended(service, id);
            assertEquals("failed", failed.get("status").asText(), failed.toString());
            assertEquals(3, failed.get("attempts").asInt(), failed.toString());
            assertEquals("bad-response", failed.get("problem").asText(), failed.toString());
            assertFalse(cloud.bodies().isEmpty(), "the cloud saw the refused attempts");
            String metrics = service.get("/metrics").body();
            assertTrue(metrics.contains("tollgate_validations_failed_total{destination=\"cloud-eu\"} 1.0"), metrics);
            serviceData = service.dataDir();
        }
        Run run = verify(serviceData);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Validations pending: 0\nValidations failed: 1\n"
                + "Validations failed by last problem:\n  bad-response: 1\n"), run.output());
    }

    @Test
    void aStartWithoutOutcomeIsPrintedAsAWarningAndDoesNotFailVerify() throws Exception {
        String id;
        try (ExecutionLogWriter log = writer()) {
            id = log.allowed("slm-local");
            log.started(id);
        }
        Run run = verify();
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().startsWith("Decision log: OK\nRecords checked: 2\n"), run.output());
        assertTrue(run.output().contains("Linkage: OK (0 errors, 1 warnings)\n"), run.output());
        assertTrue(run.output().contains("WARNING decisions-000001.jsonl:2 seq 2 decision " + id
                + ": started-no-outcome: "), run.output());
    }

    @Test
    void linkageErrorsOnAnIntactChainExitWithTheirOwnCode() throws Exception {
        String id;
        try (ExecutionLogWriter log = writer()) {
            id = log.allowed("slm-local");
            log.started(id);
            log.completed(id, "cloud-us", "static");
            log.refused(null, "token-invalid");
        }
        Run run = verify();
        assertEquals(VerifyCommand.LINKAGE_ERRORS, run.exitCode(), run.output());
        assertTrue(run.output().contains("Decision log: OK\n"), run.output());
        assertTrue(run.output().contains("Linkage: FAILED (1 errors, 0 warnings)\n"), run.output());
        assertTrue(run.output().contains("Executions by destination / strategy:\n  cloud-us / static: 1\n"),
                run.output());
        assertTrue(run.output().contains("Refusals by problem:\n  token-invalid: 1\n"), run.output());
        assertTrue(run.output().contains("ERROR   decisions-000001.jsonl:3 seq 3 decision " + id
                + ": destination-not-permitted: execution (completed) went to cloud-us; the decision permitted"
                + " [slm-local]\n"), run.output());
    }

    @Test
    void aBrokenChainKeepsItsExitCodeAndIsReportedAsBefore() throws Exception {
        try (ExecutionLogWriter log = writer()) {
            String id = log.allowed("slm-local");
            log.started(id);
            log.completed(id, "slm-local", "static");
        }
        Path segment = data.resolve("log").resolve("decisions-000001.jsonl");
        String text = Files.readString(segment, StandardCharsets.UTF_8);
        int third = text.indexOf("\"seq\":3");
        Files.writeString(segment, text.substring(0, third) + text.substring(third).replaceFirst("\"static\"",
                "\"cloud!\""), StandardCharsets.UTF_8);

        Run run = verify();
        assertEquals(VerifyCommand.CHAIN_BROKEN, run.exitCode(), run.output());
        assertTrue(run.output().contains("First failure: decisions-000001.jsonl line 3 (seq 3): hash mismatch: "
                + "record 3 was modified after it was written\n"), run.output());
        assertTrue(run.output().contains("checked only the 2 records before the chain failure"), run.output());
    }

    @Test
    void jsonHoldsTheChainAndTheLinkageFindings() throws Exception {
        String id;
        try (ExecutionLogWriter log = writer()) {
            id = log.decision("deny", ExecutionLogWriter.LATER);
            log.started(id);
        }
        Run run = verify("--json");
        assertEquals(VerifyCommand.LINKAGE_ERRORS, run.exitCode(), run.output());
        JsonNode json = Json.MAPPER.readTree(run.output());
        assertTrue(json.path("chain").path("ok").asBoolean(), run.output());
        assertEquals(2, json.path("chain").path("records_checked").asLong());
        JsonNode linkage = json.path("linkage");
        assertEquals(1, linkage.path("errors").asLong(), run.output());
        assertEquals(1, linkage.path("warnings").asLong(), run.output());
        assertEquals(1, linkage.path("records_by_type").path("execution_started").asLong());
        JsonNode first = linkage.path("findings").get(0);
        assertEquals("not-allowed", first.path("kind").asText());
        assertEquals("ERROR", first.path("severity").asText());
        assertEquals(id, first.path("decision_id").asText());
        assertEquals(2, first.path("seq").asLong());
        assertEquals("decisions-000001.jsonl", first.path("file").asText());
    }
}
