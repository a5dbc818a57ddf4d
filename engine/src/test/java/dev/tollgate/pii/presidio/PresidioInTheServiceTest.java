package dev.tollgate.pii.presidio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.replay.ReplayReport;
import dev.tollgate.replay.Replayer;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.PresidioServer;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static dev.tollgate.testing.ServiceProcess.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service with a real Presidio analyzer: advisory merges its findings, required fails closed without it. */
class PresidioInTheServiceTest {
    private static final String ENGLISH = "Please forward the claim file to Margaret Thompson in Leeds before Friday.";

    @Test
    void advisoryModeMergesPresidioFindingsIntoTheDecision() throws Exception {
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools"), Map.of(
                "TOLLGATE_PRESIDIO_MODE", "advisory", "TOLLGATE_PRESIDIO_URL", PresidioServer.url().toString()))) {
            JsonNode decision = decide(service, Samples.body("summarize", "GB", ENGLISH));
            List<JsonNode> entities = StreamSupport.stream(decision.at("/findings/entities").spliterator(), false).toList();
            assertTrue(entities.stream().anyMatch(e -> e.get("source").asText().equals("presidio")),
                    "no Presidio finding: " + entities);
            assertTrue(entities.stream().anyMatch(e -> e.get("type").asText().equals("PERSON")), entities.toString());
        }
    }

    @Test
    void requiredModeWithoutPresidioDeniesAndReplaysTheSame() throws Exception {
        int closedPort = freePort();
        Path data;
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools"), Map.of(
                "TOLLGATE_PRESIDIO_MODE", "required", "TOLLGATE_PRESIDIO_URL", "http://127.0.0.1:" + closedPort))) {
            data = service.dataDir();
            JsonNode problem = assertProblem(service.decide(TestService.CLAIMS_KEY,
                    Samples.body("faq", "DE", "What are your opening hours?")), 503, "detector-unavailable");
            assertTrue(problem.get("detail").asText().contains("logged as decision"), problem.toString());
        }
        assertTrue(LoggedRecords.text(data.resolve("log")).contains("\"unavailable_detectors\":[\"presidio\"]"));
        ReplayReport replay = ReplayReport.of(new Replayer(new PolicyStore(data.resolve("policy-store")),
                PolicyEngines.replayCompilers()).replay(data.resolve("log")));
        assertEquals(0, replay.mismatches(), replay.render(false));
    }

    private static JsonNode decide(TestService service, String body) throws Exception {
        HttpResponse<String> response = service.decide(TestService.CLAIMS_KEY, body);
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }
}
