package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.Json;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A catalog that lists cloud-us before cloud-eu (where the default lists cloud-eu), with both endpoints set by
 * environment: a decision for cloud-eu
 * reaches the EU endpoint, with the EU key, and nothing reaches the US endpoint.
 */
class DestinationBindingOverHttpTest {
    private static final String CATALOG = """
            destinations:
              - id: slm-local
                kind: slm
                country: NO
                provider: on-device
                dpa_signed: true
                trains_on_data: false
                scc_signed: false
                dpf_certified: false
              - id: cloud-us
                kind: cloud
                country: US
                provider: Example Cloud US
                dpa_signed: true
                trains_on_data: false
                scc_signed: false
                dpf_certified: false
                endpoint: {base_url: "", model: us-model, api_key_env: TOLLGATE_CLOUD_US_KEY, timeout_ms: 5000, max_retries: 0}
              - id: cloud-eu
                kind: cloud
                country: IE
                provider: Example Cloud EU
                dpa_signed: true
                trains_on_data: false
                scc_signed: false
                dpf_certified: false
                endpoint: {base_url: "", model: eu-model, api_key_env: TOLLGATE_CLOUD_EU_KEY, timeout_ms: 5000, max_retries: 0}
            """;

    private static Cloud us;
    private static Cloud eu;
    private static TestService service;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        us = new Cloud();
        eu = new Cloud();
        Path config = Files.writeString(dir.resolve("catalog.yaml"), CATALOG);
        service = TestService.start(TestService.POLICIES, List.of("drools"), Map.of(
                "TOLLGATE_CONFIG", config.toString(),
                "TOLLGATE_CLOUD_US_URL", us.url(), "TOLLGATE_CLOUD_US_KEY", "us-secret",
                "TOLLGATE_CLOUD_EU_URL", eu.url(), "TOLLGATE_CLOUD_EU_KEY", "eu-secret"));
    }

    @AfterAll
    static void stop() {
        service.close();
        us.close();
        eu.close();
    }

    @Test
    void aCloudEuDecisionReachesOnlyTheEuEndpoint() throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("task").put("type", "reasoning");
        body.putObject("subject").put("country", "DE");
        body.putObject("input").putArray("messages").addObject().put("role", "user")
                .put("content", "Who is Marie Curie?");
        HttpResponse<String> decided = service.decide(TestService.CLAIMS_KEY, Json.MAPPER.writeValueAsString(body));
        JsonNode decision = Json.MAPPER.readTree(decided.body());
        assertEquals("cloud-eu", decision.path("route").path("destination").asText(), decided.body());

        body.put("token", decision.get("token").asText());
        HttpResponse<String> executed = service.execute(TestService.CLAIMS_KEY, Json.MAPPER.writeValueAsString(body));
        assertEquals(200, executed.statusCode(), executed.body());
        assertEquals("cloud-eu", Json.MAPPER.readTree(executed.body()).get("destination").asText());
        assertEquals(List.of("Bearer eu-secret"), eu.authorizations);
        assertEquals("eu-model", Json.MAPPER.readTree(eu.bodies.getFirst()).get("model").asText());
        assertEquals(List.of(), us.authorizations);
    }

    /** An OpenAI-compatible endpoint standing in for a provider: records who called and answers one sentence. */
    private static final class Cloud implements AutoCloseable {
        private final HttpServer server;
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        final List<String> bodies = new CopyOnWriteArrayList<>();

        Cloud() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                    byte[] answer = """
                            {"id": "c1", "object": "chat.completion", "created": 1, "model": "m",
                             "choices": [{"index": 0, "finish_reason": "stop",
                                          "message": {"role": "assistant", "content": "A physicist."}}],
                             "usage": {"prompt_tokens": 5, "completion_tokens": 3, "total_tokens": 8}}
                            """.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
