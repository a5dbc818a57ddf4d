package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.Json;
import dev.tollgate.testing.OpsApplication;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboard of docker/grafana against a started service with a recording cloud: the JSON loads, its
 * panels use the provisioned data source, and every panel's expression names only metrics the service exports;
 * the alarm metrics are there at zero before anything ran, and docs/metrics.md lists every metric exported.
 */
class DashboardTest {
    private static final Path GRAFANA = TestService.ROOT.resolve("docker/grafana");
    private static final String KEY = OpsApplication.KEY;
    private static final Pattern METRIC = Pattern.compile("\\btollgate_[a-z0-9_]+");
    /** Present before any request, each series at zero (or its gauge's value) for the labels the start knows. */
    private static final List<String> FROM_THE_START = List.of("tollgate_answers_total", "tollgate_cloud_tokens_total",
            "tollgate_cloud_cost_total", "tollgate_cloud_token_budget_remaining", "tollgate_cloud_token_budget_monthly",
            "tollgate_destination_latency_seconds", "tollgate_destination_latency_sla_seconds",
            "tollgate_validation_backlog", "tollgate_validations_total", "tollgate_decision_log_appendable");

    @TempDir
    static Path dir;

    private static RecordingCloud cloud;
    private static TestService service;
    private static String atStart;
    private static String afterADraft;

    @BeforeAll
    static void start() throws Exception {
        cloud = RecordingCloud.start().always("APPROVED");
        Path config = OpsApplication.config(dir);
        service = TestService.start(TestService.POLICIES, List.of("drools"), Map.of(
                "TOLLGATE_CONFIG", config.toString(), "TOLLGATE_SLM_MODEL", TestService.slmModel(),
                "TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(), "TOLLGATE_CLOUD_EU_MODEL", "cloud-model",
                "TOLLGATE_CLOUD_EU_KEY", "test-key"));
        atStart = service.get("/metrics").body();
        draftAndVerify();
        afterADraft = service.get("/metrics").body();
    }

    @AfterAll
    static void stop() {
        service.close();
        cloud.close();
    }

    @Test
    void theAlarmMetricsAreExportedAtZeroFromTheStart() {
        Set<String> names = seriesNames(atStart);
        for (String family : FROM_THE_START) {
            assertTrue(names.contains(family), family + " missing from a fresh scrape:\n" + atStart);
        }
        assertTrue(atStart.contains("tollgate_answers_total{application=\"ops-app\",kind=\"slm\"} 0.0"), atStart);
        assertTrue(atStart.contains("tollgate_validations_total{destination=\"cloud-eu\",verdict=\"disagreed\"} 0.0"),
                atStart);
        assertTrue(atStart.contains("tollgate_destination_latency_sla_seconds{destination=\"cloud-eu\"} 20.0"), atStart);
        assertTrue(atStart.contains("tollgate_decision_log_appendable 1.0"), atStart);
        assertTrue(atStart.contains(
                "tollgate_two_stage_executions_total{escalated=\"true\",routed_by=\"routing.draft-write\"} 0.0"),
                "each routing row at zero before its first use:\n" + atStart);
    }

    @Test
    void aDraftCountsAsAnEscalatedTwoStageExecutionOfItsRoutingRowAndAnOnDeviceAnswer() {
        assertTrue(afterADraft.contains(
                "tollgate_two_stage_executions_total{escalated=\"true\",routed_by=\"routing.draft-write\"} 1.0"),
                afterADraft);
        assertTrue(afterADraft.contains("tollgate_answers_total{application=\"ops-app\",kind=\"slm\"} 1.0"), afterADraft);
    }

    @Test
    void everyPanelQueriesTheProvisionedPrometheusForMetricsTheServiceExports() throws Exception {
        JsonNode dashboard = Json.MAPPER.readTree(GRAFANA.resolve("dashboards/tollgate.json").toFile());
        String uid = new YAMLMapper().readTree(GRAFANA.resolve("provisioning/datasources/prometheus.yml").toFile())
                .at("/datasources/0/uid").asText();
        Set<String> exported = seriesNames(afterADraft);
        assertTrue(dashboard.get("panels").size() >= 10, "a panel for each alarm's figures");
        for (JsonNode panel : dashboard.get("panels")) {
            String title = panel.get("title").asText();
            assertEquals(uid, panel.at("/datasource/uid").asText(), title);
            assertFalse(panel.get("targets").isEmpty(), title);
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asText();
                Set<String> named = matches(METRIC, expr);
                assertFalse(named.isEmpty(), title + ": " + expr);
                named.forEach(metric -> assertTrue(exported.contains(metric),
                        title + " queries " + metric + ", which the service does not export"));
            }
        }
    }

    @Test
    void docsListEveryMetricTheServiceExports() throws Exception {
        String docs = Files.readString(TestService.ROOT.resolve("docs/metrics.md"));
        Set<String> documented = matches(Pattern.compile("`(tollgate_[a-z0-9_]+)"), docs).stream()
                .map(name -> name.substring(1)).collect(Collectors.toSet());
        for (String series : seriesNames(afterADraft)) {
            String family = series.replaceFirst("_(bucket|count|sum|max)$", "");
            assertTrue(documented.contains(series) || documented.contains(family),
                    series + " is not described in docs/metrics.md");
        }
    }

    private static void draftAndVerify() throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("task").put("type", "write");
        body.putObject("input").putArray("messages").addObject().put("role", "user")
                .put("content", "Write a two-line note telling the team that the office is closed on Friday.");
        HttpResponse<String> decided = service.decide(KEY, body.toString());
        assertEquals(200, decided.statusCode(), decided.body());
        JsonNode decision = Json.MAPPER.readTree(decided.body());
        assertEquals("draft_verify", decision.at("/route/strategy").asText(), decided.body());
        body.put("token", decision.get("token").asText()).put("max_tokens", 16);
        HttpResponse<String> executed = service.execute(KEY, body.toString());
        assertEquals(200, executed.statusCode(), executed.body());
    }

    /** The tollgate_* series names of a Prometheus text scrape. */
    private static Set<String> seriesNames(String scrape) {
        return scrape.lines().filter(line -> line.startsWith("tollgate_"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
