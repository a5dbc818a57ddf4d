package dev.tollgate.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.classify.TaskTypeClassifier;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the routing policy's budget set, the service asks the real on-device model the task of a request the cues
 * and the categorizer cannot settle; the label is in the logged facts, and replay (which loads no model) decides the
 * same from them.
 */
class IntentModelReplayTest {
    private static final String UNSETTLED = "Ciao, volevo solo salutarti prima di iniziare il turno.";

    @Test
    void theModelsLabelIsLoggedInTheFactsAndReplayedWithoutTheModel() throws Exception {
        assertNull(new TaskTypeClassifier().derive(UNSETTLED), "stages 1 and 2 leave this text to the model");
        Path data;
        try (TestService service = TestService.start(TestService.POLICIES, null, Map.of(
                "TOLLGATE_SLM_MODEL", TestService.slmModel(), "TOLLGATE_INTENT_MODEL_BUDGET_MS", "60000"))) {
            data = service.dataDir();
            HttpResponse<String> response = service.decide(TestService.CLAIMS_KEY, """
                    {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "%s"}]}}"""
                    .formatted(UNSETTLED));
            assertEquals(200, response.statusCode(), response.body());
        }
        JsonNode facts = LoggedRecords.json(data.resolve("log")).getFirst().get("facts");
        String derived = facts.at("/content/derived_task_type").asText(null);
        assertTrue(List.of("faq", "reasoning", "chat", "draft", "summarize", "extract", "classify")
                .contains(derived), "the model's label is in the facts: " + facts.get("content"));
        ReplayReport report = ReplayReport.of(new Replayer(new PolicyStore(data.resolve("policy-store")),
                PolicyEngines.replayCompilers()).replay(data.resolve("log")));
        assertEquals(1, report.decisions());
        assertEquals(0, report.mismatches(), report.render(false));
    }
}
