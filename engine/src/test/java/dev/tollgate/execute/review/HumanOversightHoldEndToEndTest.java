package dev.tollgate.execute.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.ChainVerifier;
import dev.tollgate.audit.LinkageChecker;
import dev.tollgate.audit.LinkageReport;
import dev.tollgate.audit.VerifyReport;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.testing.HoldingApplications;
import dev.tollgate.testing.LogCapture;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole service with a recording fake cloud: a high-risk application with {@code human_oversight: hold} gets 202
 * and a pending review instead of its answer; its reviewer sees the answer masked with the decision's reasons and
 * approves or rejects it; only an approved answer is released, restored, to the application. Reviews are logged,
 * linked to the execution, once; after a restart verify's linkage check passes on the log.
 */
class HumanOversightHoldEndToEndTest {
    private static final String KEY = HoldingApplications.KEY;
    private static final String REVIEWER = HoldingApplications.REVIEWER;
    private static final String FLAG_KEY = HoldingApplications.FLAG_KEY;
    private static final String FLAG_REVIEWER = HoldingApplications.FLAG_REVIEWER;
    private static final String TEXT = HoldingApplications.TEXT;
    private static final String ANSWER = "Dear <PERSON_1>, first confirm the new salary, then recompute the limit.";
    private static final String COMMENT = "Checked against the file of Maria Schmidt; fine.";

    @TempDir
    Path dir;

    private RecordingCloud cloud;
    private TestService service;
    private Map<String, String> environment;

    @BeforeEach
    void start() throws Exception {
        cloud = RecordingCloud.start().always(ANSWER);
        Path config = HoldingApplications.config(dir);
        environment = Map.of("TOLLGATE_CONFIG", config.toString(), "TOLLGATE_DATA_DIR", dir.resolve("data").toString(),
                "TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(), "TOLLGATE_CLOUD_EU_MODEL", "cloud-model",
                "TOLLGATE_CLOUD_EU_KEY", "test-key");
        service = TestService.start(TestService.POLICIES, List.of("drools"), environment);
    }

    @AfterEach
    void stop() {
        service.close();
        cloud.close();
    }

    @Test
    void aHeldAnswerIsReleasedToItsApplicationOnlyOnceItsReviewerApprovesIt() throws Exception {
        try (LogCapture serviceLog = new LogCapture(Level.ALL)) {
            holdReviewAndRelease();
            List<String> logged = serviceLog.everything();
            assertFalse(logged.isEmpty(), "the capture heard the service at every level");
            assertTrue(logged.stream().noneMatch(l -> l.contains("Schmidt") || l.contains("Checked against")),
                    "the service log holds neither the answer nor the comment");
        }
    }

    private void holdReviewAndRelease() throws Exception {
        HttpResponse<String> executed = decideAndExecute(KEY);
        assertEquals(202, executed.statusCode(), executed.body());
        JsonNode held = Json.MAPPER.readTree(executed.body());
        String id = held.at("/review/id").asText();
        assertEquals(held.get("decision_id").asText(), id);
        assertEquals("pending", held.at("/review/status").asText());
        assertTrue(held.get("human_oversight").asBoolean());
        assertNull(held.get("content"), "no answer while it is held: " + held);
        assertEquals("/v1/reviews/" + id, executed.headers().firstValue("Location").orElse(""));
        assertEquals(1, cloud.bodies().size());
        assertFalse(cloud.bodies().getFirst().toString().contains("Schmidt"), "the cloud got the request masked");

        assertTrue(service.get("/metrics").body().contains("tollgate_reviews_pending 1.0"));
        JsonNode pending = review(KEY, id);
        assertEquals("pending", pending.get("status").asText());
        assertNull(pending.get("content"), pending.toString());
        assertNull(pending.get("masked_content"), "the application does not see the reviewer's view");

        JsonNode forReviewer = review(REVIEWER, id);
        assertEquals("pending", forReviewer.get("status").asText());
        String masked = forReviewer.get("masked_content").asText();
        assertTrue(masked.startsWith("Dear <PERSON_1>,"), masked);
        assertFalse(masked.contains("Schmidt"), masked);
        List<String> rules = new ArrayList<>();
        forReviewer.get("reasons").forEach(r -> rules.add(r.get("rule").asText()));
        assertTrue(rules.contains("ai-act.annex3.human-oversight"), rules.toString());
        assertNull(forReviewer.get("content"), "the reviewer sees the answer masked only");

        HttpResponse<String> approved = verdict(REVIEWER, id, "{\"verdict\": \"approve\", \"comment\": \""
                + COMMENT + "\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("approved", Json.MAPPER.readTree(approved.body()).get("status").asText());

        JsonNode released = review(KEY, id);
        assertEquals("approved", released.get("status").asText());
        assertEquals("Dear Maria Schmidt, first confirm the new salary, then recompute the limit.",
                released.get("content").asText());

        String metrics = service.get("/metrics").body();
        assertTrue(metrics.contains("tollgate_reviews_total{verdict=\"approved\"} 1.0"), metrics);
        assertTrue(metrics.contains("tollgate_reviews_pending 0.0"), metrics);

        long lines = service.logRecords();
        assertProblem(verdict(REVIEWER, id, "{\"verdict\": \"reject\"}"), 409, "already-reviewed");
        assertEquals(lines, service.logRecords(), "a second review changes nothing");

        JsonNode execution = service.records("execution").getFirst();
        assertTrue(execution.get("held_for_review").asBoolean(), execution.toString());
        List<JsonNode> reviews = service.records("review");
        assertEquals(1, reviews.size());
        assertEquals(id, reviews.getFirst().get("decision_id").asText());
        assertEquals("approved", reviews.getFirst().get("verdict").asText());
        assertEquals(ApplicationRegistry.sha256(REVIEWER), reviews.getFirst().get("reviewer_key_sha256").asText());
        assertTrue(reviews.getFirst().get("comment_hmac").asText().startsWith("hmac-sha256:"));
        String log = LoggedRecords.text(service.log());
        assertFalse(log.contains("Schmidt") || log.contains("Checked against"), "no text of the comment or answer");
    }

    @Test
    void aRejectedAnswerIsNeverReleased() throws Exception {
        String id = Json.MAPPER.readTree(decideAndExecute(KEY).body()).at("/review/id").asText();
        HttpResponse<String> rejected = verdict(REVIEWER, id, "{\"verdict\": \"reject\"}");
        assertEquals(200, rejected.statusCode(), rejected.body());

        JsonNode forOwner = review(KEY, id);
        assertEquals("rejected", forOwner.get("status").asText());
        assertNull(forOwner.get("content"), forOwner.toString());
        assertProblem(verdict(REVIEWER, id, "{\"verdict\": \"approve\"}"), 409, "already-reviewed");
        assertNull(review(KEY, id).get("content"), "still not released after an attempt to approve");
        assertEquals("rejected", service.records("review").getFirst().get("verdict").asText());
        assertNull(service.records("review").getFirst().get("comment_hmac"), "no comment, no HMAC");
    }

    @Test
    void badReviewsAndWrongKeysGetAProblemAndChangeNothing() throws Exception {
        String id = Json.MAPPER.readTree(decideAndExecute(KEY).body()).at("/review/id").asText();
        long lines = service.logRecords();

        assertProblem(verdict(REVIEWER, id, "{\"verdict\": \"maybe\"}"), 400, "bad-request");
        assertProblem(verdict(REVIEWER, id, "{\"comment\": \"no verdict\"}"), 400, "bad-request");
        assertProblem(verdict(REVIEWER, id, "{\"verdict\": \"approve\", \"comment\": 7}"), 400, "bad-request");
        assertProblem(verdict(REVIEWER, id, "{\"verdict\": \"approve\", \"by\": \"me\"}"), 400, "bad-request");
        assertProblem(verdict(REVIEWER, id, "{\"verdict\": \"approve\""), 400, "malformed-json");
        assertProblem(verdict(KEY, id, "{\"verdict\": \"approve\"}"), 403, "forbidden");
        assertProblem(verdict(FLAG_REVIEWER, id, "{\"verdict\": \"approve\"}"), 404, "not-found");
        assertProblem(verdict(REVIEWER, "no-such-review", "{\"verdict\": \"approve\"}"), 404, "not-found");
        assertProblem(verdict("not-a-key", id, "{\"verdict\": \"approve\"}"), 401, "unauthorized");
        assertProblem(get("/v1/reviews/" + id, FLAG_KEY), 404, "not-found");
        assertProblem(service.send(HttpRequest.newBuilder(service.uri("/v1/reviews/" + id))
                .header("Authorization", "Bearer " + REVIEWER).DELETE().build()), 405, "method-not-allowed");
        assertProblem(service.decide(REVIEWER, request().toString()), 403, "forbidden");
        assertProblem(service.execute(REVIEWER, request().put("token", "t").toString()), 403, "forbidden");

        assertEquals(lines, service.logRecords(), "nothing was logged");
        assertEquals("pending", review(REVIEWER, id).get("status").asText());
        assertNull(review(KEY, id).get("content"));
    }

    @Test
    void anApplicationThatFlagsGetsItsAnswerWithTheFlagAsBefore() throws Exception {
        HttpResponse<String> executed = decideAndExecute(FLAG_KEY);
        assertEquals(200, executed.statusCode(), executed.body());
        JsonNode execution = Json.MAPPER.readTree(executed.body());
        assertTrue(execution.get("human_oversight").asBoolean());
        assertTrue(execution.get("content").asText().startsWith("Dear Maria Schmidt,"), execution.toString());
        assertNull(execution.get("review"));
        assertProblem(get("/v1/reviews/" + execution.get("decision_id").asText(), FLAG_REVIEWER), 404, "not-found");
    }

    @Test
    void theOpenAiEndpointAnswersAHeldAnswerWithAnErrorNamingTheReview() throws Exception {
        ObjectNode chat = Json.MAPPER.createObjectNode().put("model", "tollgate");
        chat.putArray("messages").addObject().put("role", "user").put("content", TEXT);
        chat.putObject("metadata").put("task_type", "reasoning").put("subject_country", "DE");
        for (boolean stream : List.of(false, true)) {
            HttpResponse<String> held = service.post("/v1/chat/completions", KEY, chat.put("stream", stream).toString());
            String id;
            if (stream) {
                assertEquals(200, held.statusCode(), held.body());
                assertFalse(held.body().contains("Dear"), "nothing of the answer is streamed: " + held.body());
                String frame = held.body().lines().filter(l -> l.contains("\"error\"")).findFirst().orElseThrow();
                JsonNode error = Json.MAPPER.readTree(frame.substring("data: ".length())).get("error");
                assertEquals("review_pending", error.get("code").asText());
                id = held.headers().firstValue("X-Tollgate-Decision-Id").orElseThrow();
                assertTrue(error.get("message").asText().contains("/v1/reviews/" + id), error.toString());
            } else {
                assertEquals(403, held.statusCode(), held.body());
                JsonNode error = Json.MAPPER.readTree(held.body()).get("error");
                assertEquals("review_pending", error.get("code").asText());
                assertEquals("permission_error", error.get("type").asText());
                id = held.headers().firstValue("X-Tollgate-Review-Id").orElseThrow();
                assertTrue(error.get("message").asText().contains("review " + id), error.toString());
            }
            assertEquals(200, verdict(REVIEWER, id, "{\"verdict\": \"approve\"}").statusCode());
            assertTrue(review(KEY, id).get("content").asText().startsWith("Dear Maria Schmidt,"));
        }
    }

    @Test
    void afterARestartTheReviewsAreInTheLogAndItsLinkagePasses() throws Exception {
        String approved = Json.MAPPER.readTree(decideAndExecute(KEY).body()).at("/review/id").asText();
        String rejected = Json.MAPPER.readTree(decideAndExecute(KEY).body()).at("/review/id").asText();
        String pending = Json.MAPPER.readTree(decideAndExecute(KEY).body()).at("/review/id").asText();
        assertEquals(200, verdict(REVIEWER, approved, "{\"verdict\": \"approve\"}").statusCode());
        assertEquals(200, verdict(REVIEWER, rejected, "{\"verdict\": \"reject\", \"comment\": \"no\"}").statusCode());

        service.close();
        service = TestService.start(TestService.POLICIES, List.of("drools"), environment);

        assertProblem(get("/v1/reviews/" + approved, KEY), 404, "not-found");
        assertProblem(verdict(REVIEWER, pending, "{\"verdict\": \"approve\"}"), 404, "not-found");
        LinkageChecker checker = new LinkageChecker();
        VerifyReport chain = new ChainVerifier().verify(dir.resolve("data/log"), checker);
        assertTrue(chain.ok(), chain.render());
        LinkageReport linkage = checker.finish(true);
        assertTrue(linkage.ok(), linkage.render());
        assertEquals(List.of(), linkage.findings());
        assertEquals(2L, linkage.recordsByType().get("review"));
        assertEquals(List.of(approved, rejected),
                service.records("review").stream().map(r -> r.get("decision_id").asText()).toList());
    }

    @Test
    void anAnswerThatCannotBeHeldIsNotGivenEither() throws Exception {
        service.close();
        Path config = HoldingApplications.config(dir, "execution:\n  reviews: {keep_ms: 60000, capacity: 1}\n");
        Map<String, String> oneHeld = new HashMap<>(environment);
        oneHeld.put("TOLLGATE_CONFIG", config.toString());
        service = TestService.start(TestService.POLICIES, List.of("drools"), oneHeld);

        assertEquals(202, decideAndExecute(KEY).statusCode());
        JsonNode problem = assertProblem(decideAndExecute(KEY), 503, "review-hold-unavailable");
        assertFalse(problem.toString().contains("Dear"), problem.toString());
        assertEquals(2, cloud.bodies().size(), "the second execution ran; its answer was not given");
        JsonNode failed = service.records("execution").getLast();
        assertEquals("failed", failed.get("status").asText());
        assertEquals("review-hold-unavailable", failed.get("problem").asText());
    }

    private HttpResponse<String> decideAndExecute(String key) throws Exception {
        HttpResponse<String> decided = service.decide(key, request().toString());
        assertEquals(200, decided.statusCode(), decided.body());
        JsonNode decision = Json.MAPPER.readTree(decided.body());
        assertEquals("cloud-eu", decision.at("/route/destination").asText(), decided.body());
        return service.execute(key, request().put("token", decision.get("token").asText()).put("max_tokens", 32)
                .toString());
    }

    private static ObjectNode request() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("task").put("type", "reasoning");
        body.putObject("subject").put("country", "DE");
        body.putObject("input").putArray("messages").addObject().put("role", "user").put("content", TEXT);
        return body;
    }

    private JsonNode review(String key, String id) throws Exception {
        HttpResponse<String> response = get("/v1/reviews/" + id, key);
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private HttpResponse<String> verdict(String key, String id, String body) {
        return service.post("/v1/reviews/" + id, key, body);
    }

    private HttpResponse<String> get(String path, String key) {
        return service.send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + key)
                .GET().build());
    }
}
