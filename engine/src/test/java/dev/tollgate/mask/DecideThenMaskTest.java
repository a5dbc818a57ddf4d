package dev.tollgate.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.ScenarioRegistry;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caller's path for a French customer's message going to the cloud: /v1/decide finds the name, the IBAN
 * and the phone number and binds the cloud route to a mask obligation; /v1/mask applied with that
 * obligation's entities yields the typed placeholders.
 */
class DecideThenMaskTest {
    private static final String FRENCH = "Bonjour, je m'appelle " + Samples.FRENCH_NAME + ", mon IBAN est "
            + Samples.FRENCH_IBAN + " et mon numéro est " + Samples.FRENCH_PHONE
            + ". Expliquez étape par étape comment la franchise de mon contrat est calculée.";

    @Test
    void theCloudRoutesMaskObligationMasksNameIbanAndPhone() throws Exception {
        // An IBAN about a person is regulated data: only an application approved for it may send it to a cloud.
        try (TestService service = TestService.start(TestService.POLICIES, null, ScenarioRegistry.environment())) {
            HttpResponse<String> decided = service.decide(ScenarioRegistry.BANK_KEY,
                    Samples.body("reasoning", "FR", FRENCH));
            assertEquals(200, decided.statusCode(), decided.body());
            JsonNode decision = Json.MAPPER.readTree(decided.body());
            Set<String> found = new TreeSet<>();
            decision.at("/findings/entities").forEach(e -> found.add(e.get("type").asText()));
            assertTrue(found.containsAll(List.of("PERSON", "IBAN_CODE", "PHONE_NUMBER")), found.toString());
            assertEquals("cloud", decision.at("/route/kind").asText(), decision.toPrettyString());
            JsonNode mask = StreamSupport.stream(decision.get("obligations").spliterator(), false)
                    .filter(o -> o.get("type").asText().equals("mask")).findFirst().orElseThrow();

            ObjectNode request = Json.MAPPER.createObjectNode();
            request.putObject("input").putArray("messages").addObject().put("role", "user").put("content", FRENCH);
            request.set("entities", mask.get("entities"));
            HttpResponse<String> masked = service.send(HttpRequest.newBuilder(service.uri("/v1/mask"))
                    .header("Authorization", "Bearer " + TestService.CLAIMS_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(request))).build());
            assertEquals(200, masked.statusCode(), masked.body());
            String content = Json.MAPPER.readTree(masked.body()).at("/messages/0/content").asText();
            assertTrue(content.startsWith("Bonjour, je m'appelle <PERSON_1>, mon IBAN est <IBAN_CODE_1> et mon numéro est "
                    + "<PHONE_NUMBER_1>."), content);
        }
    }
}
