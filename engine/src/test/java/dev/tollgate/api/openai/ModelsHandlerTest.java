package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static dev.tollgate.api.openai.OpenAiAssertions.assertOpenAiError;
import static dev.tollgate.api.openai.OpenAiAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /v1/models lists "tollgate" (routed by policy) and any configured ids, in OpenAI's list shape. */
class ModelsHandlerTest {
    private static OpenAiTestServer server;

    @BeforeAll
    static void start() {
        server = new OpenAiTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + OpenAiTestServer.KEY);
    }

    @Test
    void listsTollgateFirstThenTheConfiguredIds() {
        HttpResponse<String> response = server.send(get("/v1/models"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response.body());
        assertEquals("list", body.get("object").asText());
        assertEquals(2, body.get("data").size());
        JsonNode first = body.get("data").get(0);
        assertEquals("tollgate", first.get("id").asText());
        assertEquals("model", first.get("object").asText());
        assertEquals("tollgate", first.get("owned_by").asText());
        long created = first.get("created").asLong();
        assertTrue(created > 0 && created <= Instant.now().getEpochSecond(), "created " + created);
        assertEquals("tollgate-local", body.get("data").get(1).get("id").asText());
    }

    @Test
    void retrievesOneModelById() {
        HttpResponse<String> response = server.send(get("/v1/models/tollgate-local"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("tollgate-local", json(response.body()).get("id").asText());
    }

    @Test
    void anUnknownModelIs404() {
        assertOpenAiError(server.send(get("/v1/models/gpt-5")), 404, "not_found_error", "model_not_found");
    }

    @Test
    void theApiKeyIsRequired() {
        assertOpenAiError(server.send(HttpRequest.newBuilder(server.uri("/v1/models"))), 401,
                "authentication_error", "unauthorized");
        assertOpenAiError(server.send(get("/v1/models/tollgate").setHeader("Authorization", "Bearer nope")), 401,
                "authentication_error", "unauthorized");
    }

    @Test
    void otherMethodsAre405() {
        HttpResponse<String> response = server.send(get("/v1/models").DELETE());
        assertOpenAiError(response, 405, "invalid_request_error", "method_not_allowed");
        assertEquals("GET", response.headers().firstValue("Allow").orElse(""));
    }
}
