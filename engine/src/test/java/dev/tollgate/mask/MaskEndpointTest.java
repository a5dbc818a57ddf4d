package dev.tollgate.mask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.api.Problem;
import dev.tollgate.testing.RunningService;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /v1/mask over HTTP against the real service with the shipped application registry. */
class MaskEndpointTest {
    private static final String FRENCH = "Bonjour, je m'appelle Camille Martin, mon IBAN est "
            + "FR14 2004 1010 0505 0001 3M02 606 et mon numéro est +33 6 12 34 56 78.";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @RegisterExtension
    static final RunningService RUNNING = new RunningService();

    private static TestService service() {
        return RUNNING.service();
    }

    private static HttpResponse<String> mask(String key, String contentType, String json) throws Exception {
        URI uri = service().uri("/v1/mask");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(String json) throws Exception {
        HttpResponse<String> response = mask(TestService.CLAIMS_KEY, "application/json", json);
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private static String quoted(String value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messages(String... contents) {
        StringBuilder json = new StringBuilder("{\"input\": {\"messages\": [");
        for (int i = 0; i < contents.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"role\": \"user\", \"content\": ")
                    .append(quoted(contents[i])).append('}');
        }
        return json.append("]}").toString();
    }

    @Test
    void theFrenchExampleGivesTheThreePlaceholders() throws Exception {
        JsonNode body = ok(messages(FRENCH) + "}");
        String content = body.at("/messages/0/content").asText();
        assertEquals("Bonjour, je m'appelle <PERSON_1>, mon IBAN est <IBAN_CODE_1> et mon numéro est "
                + "<PHONE_NUMBER_1>.", content);
        assertEquals("user", body.at("/messages/0/role").asText());
        assertEquals(3, body.get("masked").size());
        for (JsonNode m : body.get("masked")) {
            String placed = content.substring(m.get("start").asInt(), m.get("end").asInt());
            assertEquals(m.get("placeholder").asText(), placed);
            assertEquals(0, m.get("message").asInt());
            assertEquals("replace", m.get("operator").asText());
        }
        assertEquals(Json.MAPPER.readTree("{\"IBAN_CODE\": 1, \"PERSON\": 1, \"PHONE_NUMBER\": 1}"),
                body.get("entity_counts"));
        assertFalse(body.toString().contains("Camille") || body.toString().contains("FR14"));
    }

    @Test
    void placeholdersAreConsistentAcrossMessagesAndOnlyRequestedTypesAreMasked() throws Exception {
        JsonNode body = ok(messages("Write to anna@example.org, Mr Ben Weber.", "Copy anna@example.org please.")
                + ", \"entities\": [\"EMAIL_ADDRESS\"]}");
        assertEquals("Write to <EMAIL_ADDRESS_1>, Mr Ben Weber.", body.at("/messages/0/content").asText());
        assertEquals("Copy <EMAIL_ADDRESS_1> please.", body.at("/messages/1/content").asText());
        assertEquals(1, body.at("/masked/1/message").asInt());
        assertEquals(2, body.at("/entity_counts/EMAIL_ADDRESS").asInt());
    }

    @Test
    void operatorsApplyPerType() throws Exception {
        JsonNode body = ok(messages(FRENCH)
                + ", \"operators\": {\"IBAN_CODE\": \"partial\", \"PERSON\": \"redact\", \"PHONE_NUMBER\": \"hash\"}}");
        String content = body.at("/messages/0/content").asText();
        assertTrue(content.startsWith("Bonjour, je m'appelle <REDACTED>, mon IBAN est *"), content);
        assertTrue(content.contains("2 606 et mon numéro est <PHONE_NUMBER#"), content);
    }

    @Test
    void anEmptyTextIsAnsweredWithNothingMasked() throws Exception {
        JsonNode body = ok(messages("") + "}");
        assertEquals("", body.at("/messages/0/content").asText());
        assertEquals(0, body.get("masked").size());
    }

    @Test
    void withoutAValidKeyIs401() throws Exception {
        assertProblem(mask(null, "application/json", messages(FRENCH) + "}"), 401, "unauthorized");
        assertProblem(mask("not-a-key", "application/json", messages(FRENCH) + "}"), 401, "unauthorized");
    }

    @Test
    void otherContentTypesAre415() throws Exception {
        assertProblem(mask(TestService.CLAIMS_KEY, "text/plain", messages(FRENCH) + "}"), 415, "unsupported-media-type");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertProblem(mask(TestService.CLAIMS_KEY, "application/json", "{\"input\": "), 400, "malformed-json");
    }

    @Test
    void bodiesBeyondTheJsonParserLimitsAre400() throws Exception {
        String valid = messages(FRENCH);
        for (String extra : new String[]{"[".repeat(5_000) + "]".repeat(5_000), "1".repeat(5_000)}) {
            assertProblem(mask(TestService.CLAIMS_KEY, "application/json", valid + ", \"x\": " + extra + "}"),
                    400, "malformed-json");
        }
        assertProblem(mask(TestService.CLAIMS_KEY, "application/json", valid + ", \"" + "k".repeat(60_000) + "\": 1}"),
                400, "malformed-json");
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        assertProblem(mask(TestService.CLAIMS_KEY, "application/json", messages("x".repeat(1_048_576)) + "}"),
                413, "payload-too-large");
    }

    @Test
    void invalidFieldsAre422WithTheirPointers() throws Exception {
        JsonNode body = assertProblem(mask(TestService.CLAIMS_KEY, "application/json", """
                {"input": {"messages": [{"role": "robot", "content": 7}]}, "entities": ["person"],
                 "operators": {"PERSON": "shred", "secret value": "replace"}}"""), 422, "invalid-request");
        String errors = body.get("errors").toString();
        for (String pointer : new String[]{"/input/messages/0/role", "/input/messages/0/content", "/entities/0",
                "/operators/PERSON", "\"/operators\""}) {
            assertTrue(errors.contains(pointer), pointer + " missing in " + errors);
        }
        assertFalse(body.toString().contains("secret value"));
    }

    @Test
    void unpairedSurrogatesAreRefusedAs400() throws Exception {
        JsonNode body = assertProblem(mask(TestService.CLAIMS_KEY, "application/json", "{\"input\": {\"messages\": "
                + "[{\"role\": \"user\", \"content\": \"a \\ud800 mail anna@example.org \\udc00\"}]}}"),
                400, "unpaired-surrogate");
        assertTrue(body.get("detail").asText().endsWith("at /input/messages/0/content"), body.toString());
    }
}
