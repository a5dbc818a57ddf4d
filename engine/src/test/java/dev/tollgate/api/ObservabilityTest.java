package dev.tollgate.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.DecisionRecord;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.testing.LogCapture;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.OpsApplication;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What operators see of a started service with its on-device model and a recording cloud: the JVM, process and
 * HTTP server metrics and every documented family from the first scrape; request ids and trace ids taken from the
 * headers, echoed on every answer and written into the access log and the decision record; an access log that
 * holds neither the body nor the query string.
 */
class ObservabilityTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private static final String KEY = OpsApplication.KEY;

    @TempDir
    static Path dir;

    private static RecordingCloud cloud;
    private static TestService service;
    private static String atStart;

    @BeforeAll
    static void start() throws Exception {
        cloud = RecordingCloud.start().always("APPROVED");
        // An application with a budget and a latency SLA, so that their gauges exist.
        Path config = OpsApplication.config(dir);
        service = TestService.start(TestService.POLICIES, null, Map.of("TOLLGATE_CONFIG", config.toString(),
                "TOLLGATE_SLM_MODEL", TestService.slmModel(),
                "TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(), "TOLLGATE_CLOUD_EU_MODEL", "cloud-model",
                "TOLLGATE_CLOUD_EU_KEY", "test-key"));
        atStart = service.get("/metrics").body();
    }

    @AfterAll
    static void stop() {
        service.close();
        cloud.close();
    }

    @Test
    void theFirstScrapeShowsTheJvmTheProcessTheHttpServerAndEveryDocumentedFamily() throws Exception {
        for (String family : List.of("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds", "process_files_open_files",
                "http_server_requests_active", "tollgate_circuit_breaker_state{destination=\"cloud-eu\",state=\"closed\"} 1.0",
                "tollgate_slm_queue_depth{destination=\"slm-local\"} 0.0",
                "tollgate_policy_reload_failures_total{engine=\"drools\"} 0.0",
                "tollgate_decisions_total{destination=\"none\",effect=\"deny\"} 0.0",
                "tollgate_http_problems_total{status=\"401\"} 0.0",
                "tollgate_rule_hits_total{engine=\"rego\",pack=\"gdpr\",rule=\"gdpr.art9.local-only\"} 0.0",
                "tollgate_two_stage_executions_total{escalated=\"true\",routed_by=\"routing.translate\"} 0.0",
                "tollgate_executions_total{destination=\"slm-local\",escalated=\"false\",kind=\"slm\",strategy=\"offline\"} 0.0",
                "tollgate_executions_total{destination=\"cloud-eu\",escalated=\"true\",kind=\"cloud\",strategy=\"draft_verify\"} 0.0",
                "tollgate_execute_latency_seconds_count{destination=\"cloud-us\",strategy=\"static\"} 0",
                "tollgate_masked_entities_total{type=\"IBAN_CODE\"} 0.0")) {
            assertTrue(atStart.contains("\n" + family), family + " missing from the first scrape:\n" + atStart);
        }
        String docs = Files.readString(TestService.ROOT.resolve("docs/metrics.md"));
        Set<String> documented = matches(Pattern.compile("^\\| `(tollgate_[a-z0-9_]+)`", Pattern.MULTILINE), docs);
        for (String family : documented) {
            assertTrue(atStart.contains("\n# TYPE " + family + " "), family + " missing from the first scrape");
        }
    }

    @Test
    void httpServerMetricsCountRequestsByMethodRouteTemplateAndStatus() {
        service.get("/v1/validations/val-does-not-exist");
        service.get("/no/such/path/Jane");
        service.get("/health/ready");
        String scrape = service.get("/metrics").body();
        assertTrue(scrape.contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\","
                + "status=\"401\",uri=\"/v1/validations/{id}\"} 1"), scrape);
        assertTrue(scrape.contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/health/ready\"} 1"), scrape);
        assertTrue(scrape.contains("uri=\"UNMATCHED\""), scrape);
        assertFalse(scrape.contains("/no/such/path"), "a made-up path is not a label");
        assertTrue(scrape.contains("http_server_requests_seconds_bucket{method=\"GET\""), "a duration histogram");
    }

    @Test
    void aRequestIdSentInAHeaderIsEchoedLoggedAndWrittenIntoTheDecisionRecord() throws Exception {
        HttpResponse<String> decided;
        try (LogCapture log = new LogCapture(Level.INFO)) {
            decided = service.send(decide(Samples.BODIES.getFirst(), "/v1/decide")
                    .header("X-Request-Id", "order-7f3a/42").header("traceparent", TRACEPARENT).build());
            assertEquals(List.of("POST /v1/decide 200"), accessLines(log, "order-7f3a/42").stream()
                    .map(line -> line.substring(0, line.indexOf(" ms ")).replaceFirst(" [0-9.]+$", "")).toList());
            assertTrue(accessLines(log, "order-7f3a/42").getFirst().endsWith("trace_id=" + TRACE_ID));
        }
        assertEquals(200, decided.statusCode(), decided.body());
        assertEquals("order-7f3a/42", decided.headers().firstValue("X-Request-Id").orElseThrow());
        String traceparent = decided.headers().firstValue("traceparent").orElseThrow();
        assertTrue(traceparent.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01"), traceparent);
        assertNotEquals(TRACEPARENT, traceparent, "Tollgate's own span continues the caller's trace");

        ObjectNode line = decisionLine(Json.MAPPER.readTree(decided.body()).get("decision_id").asText());
        DecisionRecord record = (DecisionRecord) LogRecord.read(line).orElseThrow();
        assertEquals("order-7f3a/42", record.requestId(), line.toString());
        assertEquals(TRACE_ID, record.traceId(), line.toString());
        line.remove(List.of("request_id", "trace_id"));
        DecisionRecord older = (DecisionRecord) LogRecord.read(line).orElseThrow();
        assertEquals(record.decisionId(), older.decisionId(), "a record written before the ids reads as before");
        assertNull(older.requestId());
    }

    @Test
    void problemAnswersCarryTheIdsAndInsaneIdsAreReplaced() {
        HttpResponse<String> refused = service.send(HttpRequest.newBuilder(service.uri("/v1/decide"))
                .header("Content-Type", "application/json").header("X-Request-Id", "x".repeat(129))
                .header("traceparent", "ff-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(Samples.BODIES.getFirst())).build());
        assertEquals(401, refused.statusCode());
        assertEquals(Problem.MEDIA_TYPE, refused.headers().firstValue("Content-Type").orElseThrow());
        String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(requestId.matches("[0-9a-f-]{36}"), "a new id for one over 128 characters: " + requestId);
        String traceparent = refused.headers().firstValue("traceparent").orElseThrow();
        assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), traceparent);
        assertFalse(traceparent.contains(TRACE_ID), "an invalid traceparent starts a new trace");

        HttpResponse<String> notFound = service.send(HttpRequest.newBuilder(service.uri("/nowhere"))
                .header("X-Request-Id", "lost-1").GET().build());
        assertEquals(404, notFound.statusCode());
        assertEquals("lost-1", notFound.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void theAccessLogHoldsNeitherTheBodyNorTheQueryString() {
        try (LogCapture log = new LogCapture(Level.INFO)) {
            HttpResponse<String> decided = service.send(decide(Samples.BODIES.getFirst(),
                    "/v1/decide?patient=Hans+M%C3%BCller").header("X-Request-Id", "pii-check").build());
            assertEquals(200, decided.statusCode(), decided.body());
            List<String> lines = accessLines(log, "pii-check");
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.getFirst().startsWith("POST /v1/decide 200 "), lines.getFirst());
            for (String value : List.of("Hans", "M%C3%BCller", "patient", "Diabetes", "?")) {
                assertFalse(lines.getFirst().contains(value), value + " in " + lines.getFirst());
            }
        }
    }

    private static HttpRequest.Builder decide(String body, String path) {
        return HttpRequest.newBuilder(service.uri(path))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The access log's lines of one request. */
    private static List<String> accessLines(LogCapture log, String requestId) {
        return log.everything().stream().filter(line -> line.startsWith(ObservedRequests.ACCESS_LOGGER + " "))
                .map(line -> line.substring(ObservedRequests.ACCESS_LOGGER.length() + 1))
                .map(line -> line.substring(0, line.lastIndexOf(" null null"))) // no parameters, no exception
                .filter(line -> line.contains(" request_id=" + requestId + " ")).toList();
    }

    private static ObjectNode decisionLine(String decisionId) {
        return LoggedRecords.json(service.log()).stream().filter(line -> line.path("type").asText().equals("decision")
                        && decisionId.equals(line.path("decision_id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no decision record " + decisionId));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
