package dev.tollgate.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.replay.ReplayReport;
import dev.tollgate.replay.Replayer;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllEnginesSamplingTest {

    @Test
    void everyThirdDecisionIsEvaluatedByBothEnginesTheRestByTheFirstAndReplayAgrees() throws Exception {
        Path data;
        List<List<String>> engines = new ArrayList<>();
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools", "rego-wasm"),
                Map.of("TOLLGATE_ALL_ENGINES_EVERY", "3"))) {
            data = service.dataDir();
            for (String body : Samples.BODIES) {
                HttpResponse<String> response = service.decide(TestService.CLAIMS_KEY, body);
                assertEquals(200, response.statusCode(), response.body());
                JsonNode decision = Json.MAPPER.readTree(response.body());
                List<String> versions = new ArrayList<>();
                decision.get("policy_version").fieldNames().forEachRemaining(versions::add);
                engines.add(versions);
            }
            String metrics = service.get("/metrics").body();
            assertTrue(metrics.contains("tollgate_engine_disagreements_total 0.0"), metrics);
        }
        for (int i = 0; i < engines.size(); i++) {
            assertEquals(i % 3 == 0 ? List.of("drools", "rego") : List.of("drools"), engines.get(i), "decision " + i);
        }
        ReplayReport report = ReplayReport.of(new Replayer(new PolicyStore(data.resolve("policy-store")),
                PolicyEngines.replayCompilers()).replay(data.resolve("log")));
        assertEquals(Samples.BODIES.size(), report.decisions());
        assertEquals(0, report.mismatches(), report.render(false));
    }

    @Test
    void aDroolsPolicyWithoutItsGdprPackDisagreesWithTheRegoPacksAndIsCounted(@TempDir Path dir) throws Exception {
        Path policies = TestService.copyPolicies(dir.resolve("policies"));
        try (Stream<Path> gdpr = Files.walk(policies.resolve("gdpr"))) {
            gdpr.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        try (TestService service = TestService.start(policies, List.of("drools", "rego-wasm"))) {
            for (String body : Samples.BODIES) {
                assertEquals(200, service.decide(TestService.CLAIMS_KEY, body).statusCode());
            }
            String metrics = service.get("/metrics").body();
            assertFalse(metrics.contains("tollgate_engine_disagreements_total 0.0"), metrics);
            assertTrue(metrics.contains("tollgate_engine_disagreements_total"), metrics);
        }
    }
}
