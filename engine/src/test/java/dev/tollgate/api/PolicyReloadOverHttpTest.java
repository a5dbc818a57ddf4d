package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A compliance officer saves a broken rule file into the running service's policy directory: the previous
 * version keeps deciding, /health names the file and line, and the fixed file is picked up, its new rule counted in
 * /metrics.
 */
class PolicyReloadOverHttpTest {
    @TempDir
    Path policies;

    @Test
    void aBrokenFileLeavesThePreviousVersionActiveAndIsReportedWithFileAndLine() throws Exception {
        TestService.copyPolicies(policies);
        Path gdpr = policies.resolve("gdpr/gdpr.drl");
        String original = Files.readString(gdpr);
        try (TestService service = TestService.start(policies)) {
            String version = decide(service).get("policy_version").get("drools").asText();

            Files.writeString(gdpr, original + "\nrule \"gdpr.broken\"\nwhen\n    this is not DRL\nthen\nend\n");
            JsonNode unhealthy = awaitHealth(service, h -> !h.at("/policies/drools/problems").isEmpty());
            String problem = unhealthy.at("/policies/drools/problems/0").asText();
            int brokenLine = original.split("\n", -1).length + 2;
            assertTrue(problem.startsWith("gdpr/gdpr.drl:"), problem);
            assertTrue(problem.matches("gdpr/gdpr\\.drl:(" + brokenLine + "|" + (brokenLine + 1) + "|" + (brokenLine + 2) + "):.*"),
                    "expected a line near " + brokenLine + ": " + problem);
            assertEquals(version, unhealthy.at("/policies/drools/version").asText(), "the previous version stays active");
            assertTrue(unhealthy.get("ready").asBoolean(), "still ready: the previous version decides");
            assertEquals(version, decide(service).get("policy_version").get("drools").asText());

            Files.writeString(gdpr, original + """

                    rule "gdpr.reviewed"
                        @basis("GDPR Art. 5(2)")
                        @message("Personal data was found")
                    when
                        DataFacts( personalData )
                    then
                        verdict.cite(kcontext);
                    end
                    """);
            JsonNode healed = awaitHealth(service, h -> h.at("/policies/drools/problems").isEmpty()
                    && !h.at("/policies/drools/version").asText().equals(version));
            String fixed = healed.at("/policies/drools/version").asText();
            assertNotEquals(version, fixed);
            assertTrue(service.get("/metrics").body().contains(
                    "\ntollgate_rule_hits_total{engine=\"drools\",pack=\"gdpr\",rule=\"gdpr.reviewed\"} 0.0"),
                    "a rule a reload brought is exported at zero from its activation");
            assertEquals(fixed, decide(service).get("policy_version").get("drools").asText());
        }
    }

    private static JsonNode decide(TestService service) throws Exception {
        var response = service.decide(TestService.CLAIMS_KEY, Samples.BODIES.getFirst());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static JsonNode awaitHealth(TestService service, Predicate<JsonNode> condition) throws Exception {
        return Eventually.until("health in the expected state", Duration.ofSeconds(30),
                () -> Json.MAPPER.readTree(service.get("/health").body()), condition);
    }
}
