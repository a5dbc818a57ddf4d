package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Offline answers from a real service whose cloud-eu is a {@link RecordingCloud}: a reasoning request of the claims
 * assistant, routed to cloud-eu, executed while that cloud is down, so that the on-device model answers and a
 * validation is queued.
 */
public final class OfflineAnswers {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private OfflineAnswers() {
    }

    /** The execution answer; the cloud is left down. */
    public static JsonNode executeWhileDown(TestService service, RecordingCloud cloud, String text) {
        cloud.down(true);
        try {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.putObject("task").put("type", "reasoning");
            body.putObject("input").putArray("messages").addObject().put("role", "user").put("content", text);
            HttpResponse<String> decided = service.decide(TestService.CLAIMS_KEY, body.toString());
            JsonNode decision = Json.MAPPER.readTree(decided.body());
            assertEquals("cloud-eu", decision.at("/route/destination").asText(), decided.body());
            body.put("token", decision.get("token").asText());
            body.put("max_tokens", 32);
            HttpResponse<String> executed = service.execute(TestService.CLAIMS_KEY, body.toString());
            assertEquals(200, executed.statusCode(), executed.body());
            JsonNode execution = Json.MAPPER.readTree(executed.body());
            assertEquals("offline", execution.get("strategy").asText(), executed.body());
            assertTrue(execution.hasNonNull("validation_id"), executed.body());
            return execution;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<String> validation(TestService service, String key, String id) {
        return service.send(HttpRequest.newBuilder(service.uri("/v1/validations/" + id))
                .header("Authorization", "Bearer " + key).GET().build());
    }

    /** The validation once it has ended (polled: the validator runs on its own schedule). */
    public static JsonNode ended(TestService service, String id) throws Exception {
        return Eventually.until("validation " + id + " ended", PATIENCE, () -> {
            HttpResponse<String> response = validation(service, TestService.CLAIMS_KEY, id);
            assertEquals(200, response.statusCode(), response.body());
            return Json.MAPPER.readTree(response.body());
        }, status -> !"queued".equals(status.get("status").asText()));
    }
}
