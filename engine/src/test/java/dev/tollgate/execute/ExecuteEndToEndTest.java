package dev.tollgate.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.calibrate.CascadeHistory;
import dev.tollgate.audit.calibrate.CascadeLog;
import dev.tollgate.terms.ConsistencyCheck;
import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.RecordingProxy;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decide then execute with real parts only: the on-device SmolLM2 in-process, and as the cloud a second Tollgate
 * serving its own on-device model through its OpenAI-compatible endpoint, behind a proxy that records what the
 * cloud was sent.
 */
class ExecuteEndToEndTest {
    private static final String KEY = "demo-claims-assistant";
    private static final String CLOUD_KEY = "demo-support-bot";
    private static TestService cloud;
    private static RecordingProxy proxy;
    private static TestService gateway;
    private static TestService eagerCascade;

    @TempDir
    static Path policies;

    @BeforeAll
    static void start() throws Exception {
        String model = TestService.slmModel();
        cloud = TestService.start(TestService.POLICIES, List.of("drools"), Map.of("TOLLGATE_SLM_MODEL", model));
        proxy = RecordingProxy.to(cloud.uri(""));
        Map<String, String> toCloud = Map.of("TOLLGATE_SLM_MODEL", model,
                "TOLLGATE_CLOUD_EU_URL", proxy.uri("/v1").toString(),
                "TOLLGATE_CLOUD_EU_MODEL", "tollgate",
                "TOLLGATE_CLOUD_EU_KEY", CLOUD_KEY,
                "TOLLGATE_VALIDATION_RETRY_MS", "300");
        gateway = TestService.start(TestService.POLICIES, List.of("drools"), toCloud);
        // The same packs with a cascade threshold no on-device answer reaches: every summary escalates if it may.
        Path csv = TestService.copyPolicies(policies).resolve("routing/routing.csv");
        Files.writeString(csv, Files.readString(csv).replace(",0.55,", ",0.99,"));
        eagerCascade = TestService.start(policies, List.of("drools"), toCloud);
    }

    @AfterAll
    static void stop() {
        eagerCascade.close();
        gateway.close();
        proxy.close();
        cloud.close();
    }

    private int sentBefore;

    @BeforeEach
    void mark() {
        sentBefore = proxy.bodies().size();
    }

    private List<String> sentToCloud() {
        List<String> all = proxy.bodies();
        return all.subList(sentBefore, all.size());
    }

    /** Decides, checks the route, executes with the token, returns the execution. */
    private static JsonNode decideAndExecute(TestService service, String task, String text, String destination)
            throws Exception {
        return decideAndExecute(service, KEY, task, text, destination);
    }

    private static JsonNode decideAndExecute(TestService service, String key, String task, String text,
                                             String destination) throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("task").put("type", task);
        body.putObject("subject").put("country", "DE");
        body.putObject("input").putArray("messages").addObject().put("role", "user").put("content", text);
        HttpResponse<String> decided = service.decide(key, Json.MAPPER.writeValueAsString(body));
        assertEquals(200, decided.statusCode(), decided.body());
        JsonNode decision = Json.MAPPER.readTree(decided.body());
        assertEquals("allow", decision.get("effect").asText(), decided.body());
        assertEquals(destination, decision.get("route").get("destination").asText(), decided.body());
        body.put("token", decision.get("token").asText());
        body.put("max_tokens", 48);
        HttpResponse<String> executed = service.execute(key, Json.MAPPER.writeValueAsString(body));
        assertEquals(200, executed.statusCode(), executed.body());
        JsonNode execution = Json.MAPPER.readTree(executed.body());
        assertEquals(decision.get("decision_id").asText(), execution.get("decision_id").asText());
        return execution;
    }

    @Test
    void aHealthQuestionIsAnsweredByTheOnDeviceModel() throws Exception {
        JsonNode execution = decideAndExecute(gateway, "faq",
                "I was diagnosed with diabetes last year. Which foods should I avoid?", "slm-local");
        assertEquals("slm-local", execution.get("destination").asText());
        assertEquals("static", execution.get("strategy").asText());
        assertFalse(execution.get("content").asText().isBlank());
        assertTrue(execution.get("completion_tokens").asInt() > 0);
        assertTrue(sentToCloud().isEmpty(), "health data never reaches the cloud");
    }

    @Test
    void aHighRiskApplicationsAnswerComesWithTheOversightFlagAndTheDisclosure() throws Exception {
        JsonNode execution = decideAndExecute(gateway, "demo-credit-advisor", "faq",
                "What documents do I need to apply for a loan?", "slm-local");
        assertTrue(execution.get("human_oversight").asBoolean(), execution.toString());
        assertFalse(execution.get("disclosure").asText().isBlank(), execution.toString());
        assertFalse(execution.get("content").asText().isBlank());
    }

    @Test
    void aPublicQuestionWithANameGoesToTheCloudMaskedAndComesBackWithTheName() throws Exception {
        JsonNode execution = decideAndExecute(gateway, "reasoning",
                "Who is Marie Curie? Begin your answer with Marie Curie.", "cloud-eu");
        assertEquals("cloud-eu", execution.get("destination").asText());
        List<String> sent = sentToCloud();
        assertEquals(1, sent.size());
        assertFalse(sent.getFirst().contains("Curie"), "the cloud saw the name: " + sent.getFirst());
        assertTrue(sent.getFirst().contains("<PERSON_1>"), sent.getFirst());
        String content = execution.get("content").asText();
        assertTrue(content.contains("Marie Curie"), "the name is restored for the caller: " + content);
        assertFalse(content.contains("PERSON_1"), content);
    }

    @Test
    void aCascadeEscalatesALowConfidenceAnswerMasked() throws Exception {
        JsonNode execution = decideAndExecute(eagerCascade, "summarize",
                "Summarise in one sentence: Anna Schmidt called to say the library now opens at nine and closes "
                        + "at five on weekdays.", "slm-local");
        assertEquals("cascade", execution.get("strategy").asText());
        assertTrue(execution.get("escalated").asBoolean(), execution.toString());
        assertEquals("cloud-eu", execution.get("destination").asText());
        double confidence = execution.get("confidence").asDouble();
        assertTrue(confidence >= 0 && confidence < 0.99, "confidence " + confidence);
        List<String> sent = sentToCloud();
        assertEquals(1, sent.size());
        assertFalse(sent.getFirst().contains("Schmidt"), sent.getFirst());

        String metrics = eagerCascade.get("/metrics").body();
        assertTrue(metrics.contains("tollgate_executions_total{destination=\"cloud-eu\",escalated=\"true\",kind=\"cloud\","
                + "strategy=\"cascade\"} 1.0"), metrics);
        assertTrue(metrics.lines().anyMatch(l -> l.matches("tollgate_masked_entities_total\\{type=\"PERSON\"} [1-9].*")),
                metrics.lines().filter(l -> l.contains("masked")).toList().toString());
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("tollgate_cloud_tokens_sent_total ")
                && Double.parseDouble(l.substring(l.indexOf(' ') + 1)) > 0), metrics);
    }

    @Test
    void anUnreachableCloudIsReplacedOnDeviceAndValidatedWhenItIsBack() throws Exception {
        JsonNode execution;
        proxy.down(true);
        try {
            execution = decideAndExecute(gateway, "reasoning",
                    "Explain step by step how compound interest grows a savings account.", "cloud-eu");
        } finally {
            proxy.down(false);
        }
        assertEquals("offline", execution.get("strategy").asText());
        assertEquals("slm-local", execution.get("destination").asText());
        assertFalse(execution.get("content").asText().isBlank());
        String decisionId = execution.get("decision_id").asText();

        JsonNode validation = Eventually.until("the queued validation run once the cloud was back",
                Duration.ofSeconds(60), () -> gateway.record("validation", decisionId), Objects::nonNull);
        assertEquals("cloud-eu", validation.get("destination").asText());
        assertTrue(validation.get("output_hmac").asText().startsWith("hmac-sha256:"));
        assertTrue(gateway.record("execution", decisionId).get("validation_queued").asBoolean());
        assertEquals(1, sentToCloud().size(), "the validation reached the cloud");
    }

    @Test
    void aTranslationIsCheckedForConsistencyAndItsRecordKeepsBothFigures() throws Exception {
        // The shipped routing table asks for a consistency check of three samples on routing.translate.
        JsonNode execution = decideAndExecute(gateway, "translate",
                "Translate into German: The library opens at nine.", "slm-local");
        assertEquals("cascade", execution.get("strategy").asText());
        JsonNode record = gateway.record("execution", execution.get("decision_id").asText());
        double confidence = record.get("confidence").asDouble();
        double agreement = record.get("agreement").asDouble(-1);
        assertTrue(confidence > 0 && confidence <= 1, record.toString());
        assertTrue(agreement >= 0 && agreement <= 1, record.toString());
        boolean kept = confidence >= 0.65 && agreement >= 0.4;
        assertEquals(!kept, execution.get("escalated").asBoolean(), "escalates when either is below its threshold: "
                + record);
        System.out.printf("translate: confidence %.3f, agreement of 3 samples %.3f, escalated %s%n", confidence,
                agreement, !kept);

        // What calibration reads of the service's own log: the rule, its task, its thresholds, the execution.
        CascadeHistory translate = CascadeLog.read(gateway.dataDir().resolve("log")).stream()
                .filter(h -> h.rule().equals("routing.translate")).findFirst().orElseThrow();
        assertEquals(List.of("translate"), translate.tasks());
        assertEquals(0.65, translate.escalateBelow());
        assertEquals(new ConsistencyCheck(3, 0.4), translate.consistency());
        assertEquals(1, translate.executions());
        assertEquals(kept ? 0 : 1, translate.escalated());
    }

    @Test
    void aCascadeNeverEscalatesInputThePolicyKeepsOnDevice() throws Exception {
        JsonNode execution = decideAndExecute(eagerCascade, "summarize",
                "Summarise in one sentence: the patient has diabetes and injects insulin twice a day.", "slm-local");
        assertEquals("slm-local", execution.get("destination").asText());
        assertFalse(execution.get("escalated").asBoolean());
        assertTrue(sentToCloud().isEmpty(), "health data never reaches the cloud");
    }
}
