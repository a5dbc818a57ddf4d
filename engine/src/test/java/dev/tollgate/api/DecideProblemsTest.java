package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.RunningService;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad request gets its problem+json, and none of them writes a decision. */
class DecideProblemsTest {
    private static final String VALID = """
            {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "Opening hours?"}]}}""";
    @RegisterExtension
    static final RunningService RUNNING = new RunningService();

    private static TestService service() {
        return RUNNING.service();
    }

    private static HttpRequest.Builder decide() {
        return HttpRequest.newBuilder(service().uri("/v1/decide"));
    }

    private static long logRecords() {
        return service().logRecords();
    }

    @Test
    void missingKeyIs401() throws Exception {
        long before = logRecords();
        assertProblem(service().send(decide().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VALID)).build()), 401, "unauthorized");
        assertEquals(before, logRecords());
    }

    @Test
    void wrongKeyIs401() throws Exception {
        HttpResponse<String> response = service().decide("not-a-key", VALID);
        assertProblem(response, 401, "unauthorized");
        assertEquals("Bearer realm=\"tollgate\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        long before = logRecords();
        assertProblem(service().decide(TestService.CLAIMS_KEY, "{\"task\": "), 400, "malformed-json");
        assertEquals(before, logRecords());
    }

    @Test
    void bodiesBeyondTheJsonParserLimitsAre400() throws Exception {
        long before = logRecords();
        for (String body : new String[]{"{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"x\": " + "1".repeat(5000) + "}", "{\"" + "k".repeat(60_000) + "\": 1}"}) {
            assertProblem(service().decide(TestService.CLAIMS_KEY, body), 400, "malformed-json");
        }
        assertEquals(before, logRecords());
    }

    @Test
    void wrongTypesAre422WithFieldPointers() throws Exception {
        JsonNode body = assertProblem(service().decide(TestService.CLAIMS_KEY, """
                {"task": {"type": 7}, "subject": {"country": "Germany"},
                 "input": {"messages": [{"role": "user", "content": 42}]}, "hints": {"max_latency_ms": -1}}"""),
                422, "invalid-request");
        String pointers = body.get("errors").toString();
        for (String pointer : new String[]{"/task/type", "/subject/country", "/input/messages/0/content",
                "/hints/max_latency_ms"}) {
            assertTrue(pointers.contains("\"" + pointer + "\""), pointer + " missing in " + pointers);
        }
    }

    @Test
    void missingFieldsAre422() throws Exception {
        JsonNode body = assertProblem(service().decide(TestService.CLAIMS_KEY, "{}"), 422, "invalid-request");
        assertTrue(body.get("errors").toString().contains("\"/task\""));
        assertTrue(body.get("errors").toString().contains("\"/input\""));
    }

    @Test
    void unknownHintCategoryIs422() throws Exception {
        assertProblem(service().decide(TestService.CLAIMS_KEY, """
                {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "x"}]},
                 "hints": {"categories": ["harmless"]}}"""), 422, "invalid-request");
    }

    @Test
    void anotherApplicationInTheBodyIs403() throws Exception {
        long before = logRecords();
        assertProblem(service().decide(TestService.CLAIMS_KEY, """
                {"application": "credit-advisor", "task": {"type": "faq"},
                 "input": {"messages": [{"role": "user", "content": "x"}]}}"""), 403, "application-mismatch");
        assertEquals(before, logRecords());
    }

    @Test
    void unknownApplicationIs422() throws Exception {
        assertProblem(service().decide(TestService.CLAIMS_KEY, """
                {"application": "no-such-app", "task": {"type": "faq"},
                 "input": {"messages": [{"role": "user", "content": "x"}]}}"""), 422, "unknown-application");
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        long before = logRecords();
        String huge = "{\"task\": {\"type\": \"faq\"}, \"input\": {\"messages\": [{\"role\": \"user\", \"content\": \""
                + "a".repeat(1_100_000) + "\"}]}}";
        assertProblem(service().decide(TestService.CLAIMS_KEY, huge), 413, "payload-too-large");
        assertEquals(before, logRecords());
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        assertProblem(service().send(decide().header("Authorization", "Bearer " + TestService.CLAIMS_KEY)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(VALID)).build()), 415, "unsupported-media-type");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertProblem(service().get("/v2/nothing"), 404, "not-found");
        HttpResponse<String> getDecide = service().get("/v1/decide");
        assertProblem(getDecide, 405, "method-not-allowed");
        assertEquals("POST", getDecide.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> postUsage = service().send(HttpRequest.newBuilder(service().uri("/v1/usage"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(postUsage, 405, "method-not-allowed");
        assertEquals("GET", postUsage.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> putReview = service().send(HttpRequest.newBuilder(service().uri("/v1/reviews/r-1"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals("GET, POST", putReview.headers().firstValue("Allow").orElse(""));
    }

    /** OpenAI clients are pointed at /v1, so an endpoint Tollgate lacks there is a 404 in OpenAI's error shape. */
    @Test
    void anUnknownV1PathIs404InOpenAisErrorShape() throws Exception {
        for (String path : List.of("/v1/embeddings", "/v1/audio/speech")) {
            HttpResponse<String> response = service().get(path);
            assertEquals(404, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode error = Json.MAPPER.readTree(response.body()).get("error");
            assertEquals("not_found_error", error.get("type").asText(), response.body());
            assertEquals("not_found", error.get("code").asText());
            assertTrue(error.get("message").asText().contains(path), response.body());
        }
    }

    @Test
    void aValidRequestIsDecidedAndLogged() throws Exception {
        long before = logRecords();
        HttpResponse<String> response = service().decide(TestService.CLAIMS_KEY, VALID);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode decision = Json.MAPPER.readTree(response.body());
        assertTrue(decision.get("decision_id").asText().matches("[0-9a-f-]{36}"));
        assertTrue(decision.get("policy_version").get("drools").asText().startsWith("sha256:"));
        assertEquals(3, decision.get("token").asText().split("\\.").length, "a signed decision token");
        assertEquals(before + 1, logRecords());
        assertFalse(LoggedRecords.text(service().log()).contains(decision.get("token").asText()),
                "the bearer token is never logged");
    }

    @Test
    void healthMetricsAndOpenApiAnswer() throws Exception {
        HttpResponse<String> health = service().get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(Json.MAPPER.readTree(health.body()).get("ready").asBoolean());
        assertEquals(200, service().get("/health/ready").statusCode());
        service().decide(TestService.CLAIMS_KEY, VALID);
        String metrics = service().get("/metrics").body();
        assertTrue(metrics.lines().anyMatch(l -> l.matches("tollgate_decisions_total\\{.*} [1-9].*")), metrics);
        assertTrue(metrics.contains("tollgate_decide_latency_seconds_bucket"), metrics);
        assertTrue(metrics.lines().anyMatch(l -> l.matches("tollgate_rule_hits_total\\{.*} [1-9].*")), metrics);
        assertTrue(service().get("/openapi").body().contains("/v1/decide"));
    }
}
