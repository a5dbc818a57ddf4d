package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker/prometheus/alerts.yml and prometheus.yml as Prometheus reads them (promtool from Debian's prometheus
 * package: scripts/promtool.sh, TOLLGATE_PROMTOOL), the unit tests of alerts.test.yml, and the thresholds /health
 * uses being the ones the rules use.
 */
class AlertRulesTest {
    private static final Path PROMETHEUS = TestService.ROOT.resolve("docker/prometheus");

    @Test
    void theRulesAndTheConfigurationAreValidAndTheRuleUnitTestsPass() throws Exception {
        assertPromtool("check", "rules", "alerts.yml");
        assertPromtool("check", "config", "prometheus.yml");
        assertPromtool("test", "rules", "alerts.test.yml");
    }

    @Test
    void theAlertsHealthComputesUseTheRulesThresholds() throws Exception {
        Map<String, String> alerts = alertExpressions();
        assertTrue(alerts.get("TollgateCloudBudgetNearlySpent").endsWith("< " + Alarms.BUDGET_LEFT_BELOW),
                alerts.get("TollgateCloudBudgetNearlySpent"));
        assertTrue(alerts.get("TollgateValidationBacklogGrowing")
                .startsWith("tollgate_validation_backlog > " + Alarms.VALIDATION_BACKLOG_ABOVE + " "),
                alerts.get("TollgateValidationBacklogGrowing"));
        for (String shownByHealth : List.of("TollgateCloudLatencyAboveSla", "TollgateCloudBudgetNearlySpent",
                "TollgateValidationBacklogGrowing", "TollgateDecisionLogUnavailable")) {
            assertTrue(alerts.containsKey(shownByHealth), shownByHealth + " is a rule of alerts.yml");
        }
    }

    private static Map<String, String> alertExpressions() throws IOException {
        JsonNode rules = new YAMLMapper().readTree(PROMETHEUS.resolve("alerts.yml").toFile());
        Map<String, String> alerts = new LinkedHashMap<>();
        for (JsonNode group : rules.get("groups")) {
            StreamSupport.stream(group.get("rules").spliterator(), false).filter(r -> r.has("alert"))
                    .forEach(r -> alerts.put(r.get("alert").asText(), r.get("expr").asText().strip()));
        }
        return alerts;
    }

    private static void assertPromtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(promtool()));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool does not run (" + e.getMessage() + "): scripts/promtool.sh installs it,"
                    + " or set TOLLGATE_PROMTOOL", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + output);
    }

    /** TOLLGATE_PROMTOOL, else promtool on the PATH. */
    private static String promtool() {
        String configured = System.getenv("TOLLGATE_PROMTOOL");
        return configured == null || configured.isBlank() ? "promtool" : configured;
    }
}
