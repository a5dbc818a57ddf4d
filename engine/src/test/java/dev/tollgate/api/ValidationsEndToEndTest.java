package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.Json;
import dev.tollgate.audit.ExecutionOutcome;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.tollgate.testing.OfflineAnswers.ended;
import static dev.tollgate.testing.OfflineAnswers.executeWhileDown;
import static dev.tollgate.testing.OfflineAnswers.validation;
import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole service with the real on-device model and a recording fake cloud: an answer given while the cloud was
 * down names its queued validation, {@code GET /v1/validations/{id}} follows it to the cloud's verdict, a
 * correction comes back restored for the caller while the cloud only ever saw masked text, and /v1/usage counts
 * the validations' tokens and disagreement rate as the log holds them.
 */
class ValidationsEndToEndTest {
    private static final String CLAIMS = TestService.CLAIMS_KEY;
    private static final String OTHER_APP = "demo-support-bot";
    private static RecordingCloud cloud;
    private static TestService service;

    @BeforeAll
    static void start() {
        cloud = RecordingCloud.start();
        service = start(Map.of());
    }

    private static TestService start(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "TOLLGATE_SLM_MODEL", TestService.slmModel(),
                "TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(),
                "TOLLGATE_CLOUD_EU_MODEL", "cloud-model",
                "TOLLGATE_CLOUD_EU_KEY", "test-key",
                "TOLLGATE_VALIDATION_RETRY_MS", "200",
                "TOLLGATE_VALIDATION_LONGEST_WAIT_MS", "1000"));
        environment.putAll(more);
        return TestService.start(TestService.POLICIES, List.of("drools"), environment);
    }

    @AfterAll
    static void stop() {
        service.close();
        cloud.close();
    }

    @Test
    void aQueuedValidationIsFollowedToTheCloudsAgreementByItsOwnApplicationOnly() throws Exception {
        cloud.always("APPROVED");
        String id = executeWhileDown(service, cloud,
                "Explain step by step how compound interest grows a savings account.").get("validation_id").asText();
        try {
            JsonNode queued = Json.MAPPER.readTree(validation(service, CLAIMS, id).body());
            assertEquals("queued", queued.get("status").asText(), queued.toString());
            assertEquals(id, queued.get("validation_id").asText());

            assertProblem(validation(service, OTHER_APP, id), 404, "not-found");
            assertProblem(validation(service, CLAIMS, "0190d6a0-0000-7000-8000-000000000001"), 404, "not-found");
            assertProblem(validation(service, CLAIMS, "not%20an%20id"), 400, "bad-request");
            assertProblem(validation(service, "not-a-key", id), 401, "unauthorized");
            assertProblem(service.post("/v1/validations/" + id, CLAIMS, "{}"), 405, "method-not-allowed");
        } finally {
            cloud.down(false);
        }
        JsonNode agreed = ended(service, id);
        assertEquals("agreed", agreed.get("status").asText(), agreed.toString());
        assertTrue(agreed.get("attempts").asInt() >= 1, agreed.toString());
        assertFalse(agreed.has("corrected_answer") || agreed.has("corrected_answer_available"), agreed.toString());
    }

    @Test
    void theEndpointIsDescribedAndFailuresAreCountedFromZero() throws Exception {
        JsonNode document = new YAMLMapper().readTree(service.get("/openapi").body());
        List<String> statuses = new ArrayList<>();
        document.at("/paths/~1v1~1validations~1{id}/get/responses").fieldNames().forEachRemaining(statuses::add);
        assertEquals(List.of("200", "400", "401", "404", "405"), statuses);
        assertTrue(document.at("/components/schemas/Validation/properties/corrected_answer").isObject());
        String metrics = service.get("/metrics").body();
        assertTrue(metrics.contains("tollgate_validations_failed_total{destination=\"cloud-eu\"} 0.0"), metrics);
    }

    @Test
    void aCorrectionIsRestoredForTheCallerWhileTheCloudSawItMaskedAndUsageCountsIt() throws Exception {
        int before = cloud.bodies().size();
        cloud.always("Marie Curie was a physicist and chemist.");
        String id = executeWhileDown(service, cloud, "Who is Marie Curie? Begin your answer with Marie Curie.")
                .get("validation_id").asText();
        cloud.always("<PERSON_1> discovered polonium and radium.");
        cloud.down(false);
        JsonNode disagreed = ended(service, id);

        assertEquals("disagreed", disagreed.get("status").asText(), disagreed.toString());
        assertTrue(disagreed.get("corrected_answer_available").asBoolean(), disagreed.toString());
        assertEquals("Marie Curie discovered polonium and radium.", disagreed.get("corrected_answer").asText());
        List<String> sent = cloud.messageTexts().subList(before, cloud.messageTexts().size());
        assertFalse(sent.isEmpty());
        sent.forEach(text -> assertFalse(text.contains("Curie"), "the cloud saw the name: " + text));
        assertTrue(sent.stream().anyMatch(text -> text.contains("<PERSON_1>")), sent.toString());

        assertUsageMatchesTheLog();

        // A restart on the same data: the verdict is in the log, the restored correction was in memory only.
        service.close();
        service = start(Map.of("TOLLGATE_DATA_DIR", service.dataDir().toString()));
        JsonNode afterRestart = Json.MAPPER.readTree(validation(service, CLAIMS, id).body());
        assertEquals("disagreed", afterRestart.get("status").asText(), afterRestart.toString());
        assertFalse(afterRestart.get("corrected_answer_available").asBoolean(), afterRestart.toString());
        assertFalse(afterRestart.has("corrected_answer"), afterRestart.toString());
    }

    @Test
    void theOpenAiEndpointNamesTheQueuedValidation() throws Exception {
        cloud.always("APPROVED");
        cloud.down(true);
        HttpResponse<String> response;
        try {
            response = service.send(HttpRequest.newBuilder(service.uri("/v1/chat/completions"))
                    .header("Authorization", "Bearer " + CLAIMS).header("Content-Type", "application/json")
                    .header("X-Tollgate-Task-Type", "reasoning")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"model": "tollgate", "max_tokens": 16, "messages": [{"role": "user",
                             "content": "Explain step by step how a bank computes the interest on a loan."}]}"""))
                    .build());
        } finally {
            cloud.down(false);
        }
        assertEquals(200, response.statusCode(), response.body());
        String id = response.headers().firstValue("X-Tollgate-Validation-Id").orElseThrow();
        assertEquals(id, Json.MAPPER.readTree(response.body()).at("/tollgate/validation_id").asText());
        assertEquals("agreed", ended(service, id).get("status").asText());
    }

    /** This month's validation disagreement rate and cloud tokens as the claims assistant's log records say. */
    private static void assertUsageMatchesTheLog() throws Exception {
        long validated = 0;
        long disagreed = 0;
        long tokensIn = 0;
        for (LogRecord record : LoggedRecords.read(service.log(), LogRecord.class)) {
            switch (record) {
                case ValidationRecord v when "claims-assistant".equals(v.application()) && !v.failed() -> {
                    validated++;
                    disagreed += ValidationRecord.CORRECTED.equals(v.verdict()) ? 1 : 0;
                    tokensIn += v.cloudTokensIn();
                }
                case ExecutionOutcome e when "claims-assistant".equals(e.application())
                        && e.cloudTokensIn() != null -> tokensIn += e.cloudTokensIn();
                default -> {
                }
            }
        }
        HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri("/v1/usage"))
                .header("Authorization", "Bearer " + CLAIMS).GET().build());
        JsonNode month = Json.MAPPER.readTree(response.body()).at("/months/0");
        assertTrue(disagreed >= 1, "the log holds the disagreement");
        assertEquals((double) disagreed / validated, month.get("validation_disagreement_rate").asDouble(),
                month.toString());
        assertEquals(tokensIn, month.get("cloud_tokens_in").asLong(), month.toString());
    }
}
