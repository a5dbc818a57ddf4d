package dev.tollgate.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.ScenarioRegistry;
import dev.tollgate.testing.SensitiveValue;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole service with the real on-device SmolLM2 and, as the cloud, a recording OpenAI-compatible server:
 * a request holding a name, an e-mail address, a phone number, an IBAN and a card number goes through every
 * strategy, over /v1/execute and streamed over /v1/chat/completions, and no body the cloud receives holds any of
 * the values or a part of one, though the on-device model reads the name, e-mail and phone number in clear and
 * writes its draft from them.
 */
class CloudLegsMaskedEndToEndTest {
    /** The bank assistant's registry approves cloud-eu for regulated data: the IBAN and the card may go there, masked. */
    private static final String KEY = ScenarioRegistry.BANK_KEY;
    private static final String SYSTEM = "You write for the claims team. Sign every reply for the customer Schmidt.";
    private static final String TEXT = "Reply to Maria Schmidt (maria.schmidt@example.com, phone +49 30 1234567) "
            + "that her refund goes to DE89 3704 0044 0532 0130 00, not to the card 4539 1488 0343 6467.";
    private static final List<SensitiveValue> VALUES = List.of(
            new SensitiveValue("PERSON", "Maria Schmidt"),
            new SensitiveValue("EMAIL_ADDRESS", "maria.schmidt@example.com"),
            new SensitiveValue("PHONE_NUMBER", "+49 30 1234567"),
            new SensitiveValue("IBAN_CODE", "DE89 3704 0044 0532 0130 00"),
            new SensitiveValue("CREDIT_CARD", "4539 1488 0343 6467"));
    private static RecordingCloud cloud;
    private static TestService gateway;

    @TempDir
    static Path policies;

    @BeforeAll
    static void start() throws Exception {
        cloud = RecordingCloud.start().always("Thank you, <PERSON_1>.");
        // The shipped packs with a cascade threshold no on-device answer reaches: every summary escalates.
        Path csv = TestService.copyPolicies(policies).resolve("routing/routing.csv");
        Files.writeString(csv, Files.readString(csv).replace(",0.55,", ",0.99,"));
        Map<String, String> environment = new HashMap<>(ScenarioRegistry.environment());
        environment.putAll(Map.of(
                "TOLLGATE_SLM_MODEL", TestService.slmModel(),
                "TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(),
                "TOLLGATE_CLOUD_EU_MODEL", "cloud-model",
                "TOLLGATE_CLOUD_EU_KEY", "test-key",
                "TOLLGATE_VALIDATION_RETRY_MS", "300"));
        gateway = TestService.start(policies, List.of("drools"), environment);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        cloud.close();
    }

    private int receivedBefore;

    @BeforeEach
    void mark() {
        receivedBefore = cloud.bodies().size();
    }

    @ParameterizedTest(name = "{0} over /v1/execute")
    @CsvSource({"reasoning, static, cloud-eu", "summarize, cascade, cloud-eu", "draft, draft_verify, cloud-eu"})
    void executeSendsTheCloudNoValueNorPart(String task, String strategy, String destination) throws Exception {
        JsonNode execution = decideAndExecute(task);
        assertEquals(strategy, execution.get("strategy").asText(), execution.toString());
        assertEquals(destination, execution.get("destination").asText(), execution.toString());
        assertTrue(execution.get("content").asText().contains("Schmidt"), "restored for the caller: " + execution);
        assertReceivedNothingOf(1);
    }

    @ParameterizedTest(name = "{0} streamed over /v1/chat/completions")
    @CsvSource({"reasoning, static", "summarize, cascade", "draft, draft_verify"})
    void streamedChatCompletionsSendTheCloudNoValueNorPart(String task, String strategy) throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode().put("model", "tollgate").put("stream", true)
                .put("max_tokens", 48);
        messages(body.putArray("messages"));
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .header("X-Tollgate-Task-Type", task)
                .header("X-Tollgate-Subject-Country", "DE")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(strategy, response.headers().firstValue("X-Tollgate-Strategy").orElse(""));
        assertTrue(response.body().contains("Schmidt") && response.body().contains("data: [DONE]"),
                response.body());
        assertReceivedNothingOf(1);
    }

    @Test
    void anOfflineAnswersValidationSendsTheCloudNoValueNorPart() throws Exception {
        JsonNode execution;
        cloud.down(true);
        try {
            execution = decideAndExecute("reasoning");
        } finally {
            cloud.down(false);
        }
        assertEquals("offline", execution.get("strategy").asText(), execution.toString());
        Eventually.until("the validation sent to the cloud", Duration.ofSeconds(60), () -> cloud.bodies().size(),
                received -> received != receivedBefore);
        assertReceivedNothingOf(1);
        JsonNode validation = cloud.bodies().getLast().path("messages");
        assertTrue(validation.path(validation.size() - 1).path("content").asText().startsWith("Draft answer:"),
                validation.toString());
    }

    private static void messages(ArrayNode messages) {
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", TEXT);
    }

    private static JsonNode decideAndExecute(String task) throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("task").put("type", task);
        body.putObject("subject").put("country", "DE");
        messages(body.putObject("input").putArray("messages"));
        HttpResponse<String> decided = gateway.decide(KEY, body.toString());
        assertEquals(200, decided.statusCode(), decided.body());
        JsonNode decision = Json.MAPPER.readTree(decided.body());
        assertEquals("allow", decision.get("effect").asText(), decided.body());
        body.put("token", decision.get("token").asText());
        body.put("max_tokens", 48);
        HttpResponse<String> executed = gateway.execute(KEY, body.toString());
        assertEquals(200, executed.statusCode(), executed.body());
        return Json.MAPPER.readTree(executed.body());
    }

    private void assertReceivedNothingOf(int requests) {
        List<JsonNode> received = cloud.bodies().subList(receivedBefore, cloud.bodies().size());
        assertEquals(requests, received.size(), "requests the cloud received");
        for (JsonNode body : received) {
            for (String text : RecordingCloud.messageTexts(body)) {
                for (SensitiveValue value : VALUES) {
                    assertEquals(List.of(), value.tracesIn(text), value.type() + " reached the cloud in: " + text);
                }
            }
        }
    }
}
