package dev.tollgate.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.replay.ReplayReport;
import dev.tollgate.replay.Replayer;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service with Rego packs only: the same answers, replayable, and OPA's decision ids in the log. */
class RegoOnlyServiceTest {
    @Test
    void embeddedRegoKeepsThePatientOnDeviceAndReplaysWithoutMismatch() throws Exception {
        Path data;
        try (TestService service = TestService.start(TestService.POLICIES, List.of("rego-wasm"))) {
            data = service.dataDir();
            JsonNode decision = decide(service, Samples.BODIES.getFirst());
            assertEquals("allow", decision.get("effect").asText());
            assertEquals("slm-local", decision.at("/route/destination").asText());
            assertTrue(decision.get("reasons").toString().contains("GDPR Art. 9(1)"), decision.toString());
            assertEquals(List.of("rego"), List.copyOf(Json.MAPPER.convertValue(decision.get("policy_version"),
                    java.util.Map.class).keySet()));
            for (String body : Samples.BODIES) {
                decide(service, body);
            }
        }
        ReplayReport report = ReplayReport.of(new Replayer(new PolicyStore(data.resolve("policy-store")),
                PolicyEngines.replayCompilers()).replay(data.resolve("log")));
        assertEquals(Samples.BODIES.size() + 1, report.decisions());
        assertEquals(0, report.mismatches(), report.render(false));
    }

    @Test
    void remoteOpaDecisionIdsAreLoggedBesideOurs() throws Exception {
        Path data;
        try (TestService service = TestService.start(TestService.POLICIES, List.of("rego-remote"))) {
            data = service.dataDir();
            decide(service, Samples.BODIES.getFirst());
        }
        JsonNode ids = LoggedRecords.json(data.resolve("log")).getFirst().get("engine_decision_ids");
        assertTrue(ids != null && ids.has("rego/gdpr") && ids.get("rego/gdpr").asText().matches("[0-9a-f-]{36}"),
                "no OPA decision id logged: " + ids);
    }

    private static JsonNode decide(TestService service, String body) throws Exception {
        HttpResponse<String> response = service.decide(TestService.CLAIMS_KEY, body);
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }
}
