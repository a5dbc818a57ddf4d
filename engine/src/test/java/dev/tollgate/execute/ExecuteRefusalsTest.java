package dev.tollgate.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.testing.MutableClock;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token is honoured once, for the input it was issued for, by the application it was issued to, before it
 * expires, and only as signed. Every refusal is logged and nothing of a refused request reaches a model.
 */
class ExecuteRefusalsTest {
    private static final String KEY = "demo-support-bot";
    private static final String QUESTION = "What are your opening hours on Saturday?";
    private static final String DECIDE = """
            {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "%s"}]}}""";
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(TestService.POLICIES, List.of("drools"),
                Map.of("TOLLGATE_SLM_MODEL", TestService.slmModel()));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String token(String question) throws Exception {
        HttpResponse<String> decided = service.decide(KEY, DECIDE.formatted(question));
        assertEquals(200, decided.statusCode(), decided.body());
        return Json.MAPPER.readTree(decided.body()).get("token").asText();
    }

    private static HttpResponse<String> execute(String key, String token, String question) throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(DECIDE.formatted(question));
        body.put("token", token);
        body.put("max_tokens", 8);
        return service.execute(key, Json.MAPPER.writeValueAsString(body));
    }

    @Test
    void aTokenIsHonouredOnceForItsInputItsApplicationAndAsSigned() throws Exception {
        String token = token(QUESTION);
        String decisionId = token.isEmpty() ? null : Json.MAPPER.readTree(java.util.Base64.getUrlDecoder()
                .decode(token.split("\\.")[1])).get("jti").asText();

        assertProblem(execute(KEY, token, QUESTION + " And Sunday?"), 403, "token-input-mismatch");
        assertProblem(execute("demo-claims-assistant", token, QUESTION), 403, "token-application-mismatch");
        // The signature's first character, not its last: the last one's low bits are base64 padding, which a
        // decoder may ignore, so changing it can leave the signature as it was.
        int signature = token.lastIndexOf('.') + 1;
        char first = token.charAt(signature);
        String tampered = token.substring(0, signature) + (first == 'A' ? 'Q' : 'A') + token.substring(signature + 1);
        assertProblem(execute(KEY, tampered, QUESTION), 403, "token-invalid");
        assertProblem(execute(KEY, "not-a-token", QUESTION), 403, "token-invalid");
        assertTrue(service.records("execution_started").isEmpty(), "nothing may start before a token is honoured");

        HttpResponse<String> executed = execute(KEY, token, QUESTION);
        assertEquals(200, executed.statusCode(), executed.body());
        JsonNode execution = Json.MAPPER.readTree(executed.body());
        assertEquals(decisionId, execution.get("decision_id").asText());
        assertEquals("slm-local", execution.get("destination").asText());
        assertFalse(execution.get("content").asText().isBlank());

        assertProblem(execute(KEY, token, QUESTION), 409, "token-used");

        List<String> refusals = service.records("execution_refused").stream().map(r -> r.get("problem").asText())
                .toList();
        assertEquals(List.of("token-input-mismatch", "token-application-mismatch", "token-invalid", "token-invalid",
                "token-used"), refusals);
        assertEquals(1, service.records("execution_started").size());
        List<JsonNode> executions = service.records("execution");
        assertEquals(1, executions.size());
        assertEquals(decisionId, executions.getFirst().get("decision_id").asText());
        assertEquals("completed", executions.getFirst().get("status").asText());
        assertTrue(executions.getFirst().get("output_hmac").asText().matches("hmac-sha256:[0-9a-f]{64}"));
    }

    @Test
    void anExpiredTokenIsRefusedWith410() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
        try (TestService shortLived = TestService.start(TestService.POLICIES, List.of("drools"),
                Map.of("TOLLGATE_DECISION_TTL_SECONDS", "60"), clock)) {
            HttpResponse<String> decided = shortLived.decide(KEY, DECIDE.formatted(QUESTION));
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(DECIDE.formatted(QUESTION));
            body.put("token", Json.MAPPER.readTree(decided.body()).get("token").asText());
            clock.advance(Duration.ofSeconds(60));
            assertProblem(shortLived.execute(KEY, Json.MAPPER.writeValueAsString(body)), 410, "token-expired");
        }
    }

    @Test
    void aBodyWithoutTokenOrWithABadLengthIs422() throws Exception {
        assertProblem(service.execute(KEY, DECIDE.formatted(QUESTION)), 422, "invalid-request");
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(DECIDE.formatted(QUESTION));
        body.put("token", token(QUESTION));
        body.put("max_tokens", 0);
        assertProblem(service.execute(KEY, Json.MAPPER.writeValueAsString(body)), 422, "invalid-request");
    }
}
