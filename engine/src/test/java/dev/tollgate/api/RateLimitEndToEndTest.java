package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry's per-application rate limits on the running service: past its requests per minute an application
 * gets 429 with Retry-After on /v1/decide (problem+json) and on /v1/chat/completions (OpenAI's shape), and once an
 * on-device answer has used its tokens per minute, the next request waits; other applications are not held.
 */
class RateLimitEndToEndTest {
    private static final String DECIDE = """
            {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "When do you open?"}]}}""";
    private static final String CHAT = """
            {"model": "tollgate", "max_tokens": 16, "messages": [{"role": "user", "content": "When do you open?"}]}""";

    @TempDir
    Path dir;

    private Path config(String rateLimit) throws Exception {
        return Files.writeString(dir.resolve("limited.yaml"), """
                applications:
                  - id: limited-bot
                    purpose: customer support answers
                    ai_act_use_case: none
                    tenant_residency: DE
                    controller_establishment: DE
                    permitted_destinations: [slm-local]
                    rate_limit: %s
                    api_keys:
                      - {sha256: %s, role: staff}
                  - id: free-bot
                    purpose: customer support answers
                    ai_act_use_case: none
                    tenant_residency: DE
                    controller_establishment: DE
                    permitted_destinations: [slm-local]
                    api_keys:
                      - {sha256: %s, role: staff}
                """.formatted(rateLimit, ApplicationRegistry.sha256("limited-key"),
                ApplicationRegistry.sha256("free-key")));
    }

    @Test
    void requestsPastTheLimitAre429WithRetryAfterOnBothSurfaces() throws Exception {
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools"),
                Map.of("TOLLGATE_CONFIG", config("{requests_per_minute: 2}").toString()))) {
            assertEquals(200, service.decide("limited-key", DECIDE).statusCode());
            assertEquals(200, service.decide("limited-key", DECIDE).statusCode());
            HttpResponse<String> decide = service.decide("limited-key", DECIDE);
            assertProblem(decide, 429, "rate-limited");
            assertRetryAfterWithinAMinute(decide);

            HttpResponse<String> chat = chat(service);
            assertEquals(429, chat.statusCode(), chat.body());
            JsonNode error = Json.MAPPER.readTree(chat.body()).get("error");
            assertEquals("rate_limit_error", error.get("type").asText());
            assertEquals("rate_limited", error.get("code").asText());
            assertRetryAfterWithinAMinute(chat);

            assertEquals(200, service.decide("free-key", DECIDE).statusCode(),
                    "another application is not held");
        }
    }

    @Test
    void anAnswerThatUsedTheTokensPerMinuteHoldsTheNextRequest() throws Exception {
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools"),
                Map.of("TOLLGATE_CONFIG", config("{tokens_per_minute: 10}").toString(),
                        "TOLLGATE_SLM_MODEL", TestService.slmModel()))) {
            HttpResponse<String> first = chat(service);
            assertEquals(200, first.statusCode(), first.body());
            int used = Json.MAPPER.readTree(first.body()).get("usage").get("total_tokens").asInt();
            assertTrue(used > 10, "the answer used more than a minute's tokens: " + used);

            HttpResponse<String> second = chat(service);
            assertEquals(429, second.statusCode(), second.body());
            long retryAfter = Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= (used - 10) * 6L - 1 && retryAfter <= (used - 10) * 6L + 1,
                    "the debt of " + (used - 10) + " tokens at 10 a minute: " + retryAfter + " s");
        }
    }

    private static HttpResponse<String> chat(TestService service) {
        return service.send(HttpRequest.newBuilder(service.uri("/v1/chat/completions"))
                .header("Authorization", "Bearer limited-key")
                .header("Content-Type", "application/json")
                .header("X-Tollgate-Task-Type", "faq")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build());
    }

    private static void assertRetryAfterWithinAMinute(HttpResponse<String> response) {
        long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + seconds);
    }
}
