package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.replay.ReplayReport;
import dev.tollgate.replay.Replayer;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A valid 12 KB prompt is longer than the on-device model takes (a 2048-token context): it is decided at once,
 * routed to a cloud destination where policy permits one, or refused naming the limit where it must stay on the
 * device; never a 502 from the model afterwards. Replay decides the same.
 */
class LongInputTest {
    private static final String PROSE = "Please summarise the claim history of this customer, including every repair "
            + "estimate, the dates of each visit and the adjuster's notes on the water damage in the basement. ";

    private static String twelveKb(String opening) {
        return opening + " " + PROSE.repeat(12 * 1024 / PROSE.length());
    }

    private static JsonNode decide(TestService service, String task, String text) throws Exception {
        HttpResponse<String> response = service.decide(TestService.CLAIMS_KEY, Samples.body(task, "DE", text));
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static String contextReason(JsonNode decision) {
        for (JsonNode reason : decision.get("reasons")) {
            if (reason.get("rule").asText().equals("tollgate.context-limit")) {
                return reason.get("message").asText();
            }
        }
        throw new AssertionError("no tollgate.context-limit reason: " + decision);
    }

    @Test
    void aLongPromptGoesWhereItFitsOrIsRefusedNamingTheLimit() throws Exception {
        Path data;
        try (TestService service = TestService.start()) {
            data = service.dataDir();
            JsonNode routed = decide(service, "summarize", twelveKb("Claim 88213."));
            assertEquals("allow", routed.get("effect").asText(), routed.toString());
            assertEquals("cloud", routed.at("/route/kind").asText(), routed.toString());
            assertTrue(contextReason(routed).contains("slm-local takes up to 1344"), contextReason(routed));

            JsonNode refused = decide(service, "summarize",
                    twelveKb("Der Patient " + Samples.PATIENT_NAME + " wurde mit Diabetes Typ 2 diagnostiziert."));
            assertEquals("deny", refused.get("effect").asText(), refused.toString());
            assertTrue(contextReason(refused).contains("shorten it"), contextReason(refused));

            HttpResponse<String> chat = service.post("/v1/chat/completions", TestService.CLAIMS_KEY,
                    "{\"model\": \"tollgate\", \"messages\": [{\"role\": \"user\", \"content\": "
                            + Json.MAPPER.writeValueAsString(twelveKb("Der Patient " + Samples.PATIENT_NAME
                            + " wurde mit Diabetes Typ 2 diagnostiziert.")) + "}]}");
            assertEquals(403, chat.statusCode(), chat.body());
            assertTrue(chat.body().contains("tollgate.context-limit"), chat.body());
        }
        ReplayReport replay = ReplayReport.of(new Replayer(new PolicyStore(data.resolve("policy-store")),
                PolicyEngines.replayCompilers()).replay(data.resolve("log")));
        assertEquals(0, replay.mismatches(), replay.render(false));
    }
}
