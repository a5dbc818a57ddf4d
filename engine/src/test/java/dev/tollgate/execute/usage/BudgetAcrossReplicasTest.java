package dev.tollgate.execute.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.testing.ClassStore;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.TestService;
import dev.tollgate.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas on one PostgreSQL store, a recording fake cloud as the provider: the cloud tokens one replica spends
 * count on the other, in /v1/usage and in the budget, and a budget spent by both together routes on-device on both.
 */
class BudgetAcrossReplicasTest {
    private static final String KEY = "demo-budget-app";
    private static final String TEXT = "Explain step by step how to plan moving our billing service to a new database.";
    private static final String ANSWER = "First copy the data, then switch the reads, then switch the writes.";
    /** More than one answer to TEXT spends (the test checks it), less than two. */
    private static final long BUDGET = 60;

    @RegisterExtension
    static final ClassStore STORE = new ClassStore();
    private static RecordingCloud cloud;
    private static TestService a;
    private static TestService b;

    @BeforeAll
    static void start() throws Exception {
        cloud = RecordingCloud.start().always(ANSWER);
        Path dir = Files.createTempDirectory("tollgate-budget-replicas");
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
                """.formatted(BUDGET, ApplicationRegistry.sha256(KEY)));
        Map<String, String> environment = Map.of("TOLLGATE_CONFIG", config.toString(),
                "TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(), "TOLLGATE_CLOUD_EU_MODEL", "cloud-model",
                "TOLLGATE_CLOUD_EU_KEY", "test-key");
        TestStore.Replicas replicas = STORE.twoReplicas(environment);
        a = replicas.a();
        b = replicas.b();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void tokensSpentOnOneReplicaCountOnTheOtherAndABudgetSpentByBothRoutesOnDeviceOnBoth() throws Exception {
        assertEquals(BUDGET, usage(b).get("cloud_tokens_remaining").asLong());

        execute(a, decide(a, "cloud-eu"));
        JsonNode afterA = usage(b);
        long spentOnA = BUDGET - afterA.get("cloud_tokens_remaining").asLong();
        assertTrue(spentOnA > 0 && spentOnA < BUDGET, "one answer spends part of the budget: " + afterA);
        assertTrue(2 * spentOnA >= BUDGET, "two answers spend it: " + afterA);
        assertEquals(1, afterA.at("/months/0/executions").asLong(), "B counts A's execution: " + afterA);
        assertEquals(afterA, usage(a), "both replicas report the same usage");

        execute(b, decide(b, "cloud-eu"));

        for (TestService replica : new TestService[]{a, b}) {
            JsonNode decision = decide(replica, "slm-local");
            assertEquals("routing.budget-exhausted", decision.at("/route/routed_by").asText(), decision.toString());
            JsonNode usage = usage(replica);
            assertEquals(0, usage.get("cloud_tokens_remaining").asLong(), usage.toString());
            assertEquals(2, usage.at("/months/0/executions").asLong(), usage.toString());
        }
        assertEquals(2, cloud.bodies().size(), "the cloud answered once on each replica");
    }

    private static JsonNode decide(TestService replica, String destination) throws Exception {
        HttpResponse<String> response = replica.decide(KEY, request().toString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode decision = Json.MAPPER.readTree(response.body());
        assertEquals(destination, decision.at("/route/destination").asText(), decision.toString());
        return decision;
    }

    private static void execute(TestService replica, JsonNode decision) {
        ObjectNode body = request().put("token", decision.get("token").asText()).put("max_tokens", 32);
        HttpResponse<String> response = replica.execute(KEY, body.toString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static ObjectNode request() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("task").put("type", "reasoning");
        body.putObject("subject").put("country", "DE");
        body.putObject("input").putArray("messages").addObject().put("role", "user").put("content", TEXT);
        return body;
    }

    private static JsonNode usage(TestService replica) throws Exception {
        HttpResponse<String> response = replica.send(HttpRequest.newBuilder(replica.uri("/v1/usage"))
                .header("Authorization", "Bearer " + KEY).GET().build());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }
}
