package dev.tollgate.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole service with the real on-device SmolLM2 and a recording cloud that answers in 3 s, asked for a task the
 * routing pack sends to cloud-eu with a latency budget of 1.5 s. Whether an answer came in time is read from the
 * service's own execution records (latency_ms), not from this test's clock.
 */
class LatencyHedgeEndToEndTest {
    private static final int BUDGET_MS = 1500;
    private static RecordingCloud cloud;
    private static TestService gateway;

    @BeforeAll
    static void start() {
        cloud = RecordingCloud.start().always("The cloud's answer.");
        gateway = TestService.start(TestService.POLICIES, List.of("drools"), Map.of(
                "TOLLGATE_SLM_MODEL", TestService.slmModel(),
                "TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(),
                "TOLLGATE_CLOUD_EU_MODEL", "cloud-model",
                "TOLLGATE_CLOUD_EU_KEY", "test-key",
                // Slow answers are forgotten 8 s after they came, so the cloud is tried again soon.
                "TOLLGATE_LATENCY_WINDOW_MAX_AGE_MS", "8000"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        cloud.close();
    }

    @Test
    void aSlowCloudIsHedgedThenExcludedAndComesBackWhenFast() throws Exception {
        // The on-device model's expected time is observed first (a chat stays on the device).
        assertEquals("slm-local", decideAndExecute("chat").get("destination").asText());

        cloud.delay(Duration.ofSeconds(3));
        List<String> answers = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        int onDevice = 0;
        for (int i = 0; i < 8; i++) {
            JsonNode execution = decideAndExecute("reasoning");
            decisions.add(execution.get("decision_id").asText());
            long latencyMs = gateway.record("execution", execution.get("decision_id").asText()).get("latency_ms")
                    .asLong();
            answers.add(execution.get("destination").asText() + " " + latencyMs + " ms");
            if (execution.get("destination").asText().equals("slm-local")) {
                onDevice++;
            }
        }
        // The times are printed, not asserted: a busy machine may stretch them; the hedge and the exclusion are
        // what must hold, and the late_answer record below shows the first call was hedged, not awaited.
        System.out.println("LatencyHedgeEndToEndTest, cloud 3 s, budget 1.5 s: " + answers);
        assertTrue(onDevice >= 6, "answered on-device instead of by the slow cloud: " + answers);
        assertTrue(excluded(), "the slow cloud is left out by the routing pack");
        // The first call went to the cloud (nothing was observed yet) and was hedged: its answer came late.
        JsonNode late = awaitRecord("late_answer", decisions.getFirst());
        assertEquals("cloud-eu", late.get("destination").asText());
        assertTrue(late.get("latency_ms").asLong() >= 3000, late.toString());
        String metrics = gateway.get("/metrics").body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith(
                "tollgate_destination_latency_seconds{destination=\"cloud-eu\",quantile=\"0.95\"} 3.")), metrics);
        assertTrue(Files.readString(gateway.dataDir().resolve("latency-summary.json")).contains("\"cloud-eu\""),
                "the window is kept for a restart");

        cloud.delay(Duration.ZERO);
        Eventually.until("the fast cloud no longer excluded", Duration.ofSeconds(60), () -> !excluded());
        JsonNode execution = decideAndExecute("reasoning");
        assertEquals("cloud-eu", execution.get("destination").asText(), execution.toString());
        assertEquals("The cloud's answer.", execution.get("content").asText());
    }

    /** Whether a reasoning task with the budget is kept from the cloud, decided without executing. */
    private static boolean excluded() throws Exception {
        JsonNode decision = Json.MAPPER.readTree(decide("reasoning").body());
        return decision.toString().contains("routing.latency-excluded");
    }

    private static ObjectNode request(String task) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("task").put("type", task);
        body.putObject("subject").put("country", "DE");
        body.putObject("hints").put("max_latency_ms", BUDGET_MS);
        body.putObject("input").putArray("messages").addObject().put("role", "user")
                .put("content", "Why is the sky blue?");
        return body;
    }

    private static HttpResponse<String> decide(String task) {
        HttpResponse<String> decided = gateway.decide(TestService.CLAIMS_KEY, request(task).toString());
        assertEquals(200, decided.statusCode(), decided.body());
        return decided;
    }

    private static JsonNode decideAndExecute(String task) throws Exception {
        JsonNode decision = Json.MAPPER.readTree(decide(task).body());
        assertEquals("allow", decision.get("effect").asText(), decision.toString());
        ObjectNode body = request(task);
        body.put("token", decision.get("token").asText());
        body.put("max_tokens", 8);
        HttpResponse<String> executed = gateway.execute(TestService.CLAIMS_KEY, body.toString());
        assertEquals(200, executed.statusCode(), executed.body());
        return Json.MAPPER.readTree(executed.body());
    }

    private static JsonNode awaitRecord(String type, String decisionId) throws Exception {
        return Eventually.until("a " + type + " record of " + decisionId, Duration.ofSeconds(30),
                () -> gateway.record(type, decisionId), Objects::nonNull);
    }
}
