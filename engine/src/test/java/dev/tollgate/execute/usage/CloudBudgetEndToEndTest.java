package dev.tollgate.execute.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.ExecutionOutcome;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole service, both engines deciding every request, with a recording fake cloud as the provider: an
 * application with a small monthly cloud token budget spends it on one cloud answer, is then routed on-device by
 * {@code routing.budget-exhausted}, still after a restart on the same data directory, and /v1/usage reports what
 * the log's execution records hold.
 */
class CloudBudgetEndToEndTest {
    private static final String KEY = "demo-budget-app";
    private static final String TEXT = "Explain step by step how to plan moving our billing service to a new database.";
    private static final String ANSWER = "First copy the data, then switch the reads, then switch the writes.";
    private static final long BUDGET = 20;

    @TempDir
    Path dir;

    private RecordingCloud cloud;
    private TestService service;
    private Map<String, String> environment;

    @BeforeEach
    void start() throws Exception {
        cloud = RecordingCloud.start().always(ANSWER);
        Path config = Files.writeString(dir.resolve("budget.yaml"), """
                applications:
                  - id: budget-app
                    purpose: internal engineering questions
                    ai_act_use_case: none
                    tenant_residency: EU
                    controller_establishment: DE
                    permitted_destinations: [slm-local, cloud-eu]
                    cloud_token_budget_monthly: %d
                    api_key_sha256: %s
                log:
                  segment_bytes: 1024
                """.formatted(BUDGET, ApplicationRegistry.sha256(KEY)));
        environment = Map.of("TOLLGATE_CONFIG", config.toString(), "TOLLGATE_DATA_DIR", dir.resolve("data").toString(),
                "TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(), "TOLLGATE_CLOUD_EU_MODEL", "cloud-model",
                "TOLLGATE_CLOUD_EU_KEY", "test-key");
        service = TestService.start(TestService.POLICIES, null, environment);
    }

    @AfterEach
    void stop() {
        service.close();
        cloud.close();
    }

    @Test
    void aSpentBudgetRoutesOnDeviceAcrossARestartAndUsageMatchesTheLog() throws Exception {
        JsonNode before = usage();
        assertEquals(BUDGET, before.get("cloud_tokens_remaining").asLong(), before.toString());
        assertEquals("[]", alerts().toString());

        JsonNode first = decide();
        assertEquals("cloud-eu", first.at("/route/destination").asText(), first.toString());
        assertEquals(200, execute(first).statusCode());
        assertEquals(1, cloud.bodies().size(), "the cloud answered once");

        JsonNode spent = decide();
        assertOnDeviceForTheBudget(spent);
        JsonNode after = usage();
        assertEquals(0, after.get("cloud_tokens_remaining").asLong(), after.toString());
        assertUsageMatchesTheLog(after);
        assertEquals("TollgateCloudBudgetNearlySpent", alerts().at("/0/name").asText(), alerts().toString());
        String metrics = service.get("/metrics").body();
        assertTrue(metrics.contains("tollgate_cloud_token_budget_remaining{application=\"budget-app\"} 0.0"), metrics);
        assertTrue(metrics.contains("tollgate_cloud_tokens_total{application=\"budget-app\",destination=\"cloud-eu\","
                + "direction=\"out\"} " + after.at("/months/0/cloud_tokens_out").asLong() + ".0"), metrics);

        service.close();
        service = TestService.start(TestService.POLICIES, null, environment);

        assertOnDeviceForTheBudget(decide());
        assertEquals(after, usage(), "the same figures after the restart, rebuilt from the log");
        assertTrue(Files.size(dir.resolve("data/log").resolve(UsageIndex.NAME)) > 0,
                "the log's small segments were folded from the usage index");
        assertEquals(1, cloud.bodies().size(), "no cloud call after the budget was spent");
    }

    @Test
    void badQueriesGetAProblemAndAnotherMonthItsOwnFigures() throws Exception {
        assertProblem(get("/v1/usage?month=2026-13", KEY), 400, "bad-request");
        assertProblem(get("/v1/usage?month=2026-11&month=2026-12", KEY), 400, "bad-request");
        assertProblem(get("/v1/usage?from=2026-11", KEY), 400, "bad-request");
        assertProblem(get("/v1/usage", "not-a-key"), 401, "unauthorized");

        JsonNode old = Json.MAPPER.readTree(get("/v1/usage?month=2020-01", KEY).body());
        assertEquals(1, old.get("months").size());
        assertEquals("2020-01", old.at("/months/0/month").asText());
        assertEquals(0, old.at("/months/0/executions").asLong());
    }

    private static void assertOnDeviceForTheBudget(JsonNode decision) {
        assertEquals("slm-local", decision.at("/route/destination").asText(), decision.toString());
        assertEquals("routing.budget-exhausted", decision.at("/route/routed_by").asText(), decision.toString());
    }

    /** Tokens, executions and cost of this month as the log's execution records of the application add them up. */
    private void assertUsageMatchesTheLog(JsonNode usage) throws Exception {
        List<ExecutionOutcome> records = LoggedRecords.read(service.log(), ExecutionOutcome.class).stream()
                .filter(outcome -> outcome.application().equals("budget-app")).toList();
        assertFalse(records.isEmpty());
        long in = records.stream().mapToLong(ExecutionOutcome::cloudTokensIn).sum();
        long out = records.stream().mapToLong(ExecutionOutcome::cloudTokensOut).sum();
        assertTrue(in > 0 && out > 0, "tokens counted both ways: " + in + " in, " + out + " out");
        assertTrue(in + out >= BUDGET, "the one answer spent the budget");
        JsonNode month = usage.at("/months/0");
        assertEquals(YearMonth.now(ZoneOffset.UTC).toString(), month.get("month").asText());
        assertEquals(records.size(), month.get("executions").asLong());
        assertEquals(in, month.get("cloud_tokens_in").asLong());
        assertEquals(out, month.get("cloud_tokens_out").asLong());
        assertEquals(in, month.at("/destinations/0/tokens_in").asLong());
        assertEquals("cloud-eu", month.at("/destinations/0/destination").asText());
        // The embedded catalog's cloud-eu price: 0.00015 in, 0.0006 out per 1,000 tokens.
        assertEquals((in * 0.00015 + out * 0.0006) / 1000, month.get("cost").asDouble(), 1e-15);
        assertEquals(0.0, month.get("on_device_share").asDouble());
        assertEquals(YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString(), usage.at("/months/1/month").asText());
    }

    private JsonNode decide() throws Exception {
        HttpResponse<String> response = service.decide(KEY, request().toString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private HttpResponse<String> execute(JsonNode decision) {
        ObjectNode body = request().put("token", decision.get("token").asText()).put("max_tokens", 32);
        HttpResponse<String> response = service.execute(KEY, body.toString());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static ObjectNode request() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("task").put("type", "reasoning");
        body.putObject("subject").put("country", "DE");
        body.putObject("input").putArray("messages").addObject().put("role", "user").put("content", TEXT);
        return body;
    }

    /** The alerts /health shows as firing. */
    private JsonNode alerts() throws Exception {
        return Json.MAPPER.readTree(service.get("/health").body()).get("alerts");
    }

    private JsonNode usage() throws Exception {
        HttpResponse<String> response = get("/v1/usage", KEY);
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String key) {
        return service.send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + key)
                .GET().build());
    }
}
