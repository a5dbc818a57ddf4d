package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.PresidioServer;
import dev.tollgate.testing.RecordingProxy;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presidio in mode "required", reached through a proxy that can cut it off: while it does not answer, readiness
 * says so and every POST endpoint answers 503 detector-unavailable (/v1/decide after logging its fail-closed
 * denial); once it answers again, the service is ready again.
 */
class RequiredDetectorDownTest {
    private static final String TEXT = "What are your opening hours?";
    private static final String MASK = "{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"" + TEXT + "\"}]}}";
    private static final String CHAT = "{\"model\": \"tollgate\", \"messages\": [{\"role\": \"user\", \"content\": \""
            + TEXT + "\"}]}";

    @Test
    void everyEndpointAndReadinessSayTheDetectorIsDown() throws Exception {
        try (RecordingProxy presidio = RecordingProxy.to(PresidioServer.url());
             TestService service = TestService.start(TestService.POLICIES, List.of("drools"), Map.of(
                     "TOLLGATE_PRESIDIO_MODE", "required", "TOLLGATE_PRESIDIO_URL", presidio.uri("").toString()))) {
            assertEquals(200, service.get("/health/ready").statusCode());
            JsonNode allowed = Json.MAPPER.readTree(service.decide(TestService.CLAIMS_KEY,
                    Samples.body("faq", "DE", TEXT)).body());
            assertEquals("allow", allowed.get("effect").asText(), allowed.toString());

            presidio.down(true);
            HttpResponse<String> ready = service.get("/health/ready");
            assertEquals(503, ready.statusCode());
            assertTrue(ready.body().contains("required PII detector 'presidio'"), ready.body());

            long before = service.logRecords();
            assertProblem(service.post("/v1/mask", TestService.CLAIMS_KEY, MASK), 503, "detector-unavailable");
            assertEquals(before, service.logRecords());
            assertProblem(service.execute(TestService.CLAIMS_KEY, "{\"token\": \"" + allowed.get("token").asText()
                    + "\", \"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"" + TEXT + "\"}]}}"),
                    503, "detector-unavailable");
            HttpResponse<String> chat = service.post("/v1/chat/completions", TestService.CLAIMS_KEY, CHAT);
            assertEquals(503, chat.statusCode(), chat.body());
            assertEquals("detector_unavailable", Json.MAPPER.readTree(chat.body()).at("/error/code").asText());
            long decisions = service.logRecords();
            assertProblem(service.decide(TestService.CLAIMS_KEY, Samples.body("faq", "DE", TEXT)), 503,
                    "detector-unavailable");
            assertEquals(decisions + 1, service.logRecords(), "the fail-closed denial is logged");

            presidio.down(false);
            assertEquals(200, service.get("/health/ready").statusCode());
            assertEquals(200, service.post("/v1/mask", TestService.CLAIMS_KEY, MASK).statusCode());
        }
    }
}
