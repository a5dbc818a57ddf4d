package dev.tollgate.pii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.api.Problem;
import dev.tollgate.testing.RunningService;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and unusual texts sent to a real service over HTTP: each gets a correct answer (200 with findings that
 * lie inside the text) or a clear 4xx problem, within a time limit; never a 500, never a hang.
 */
class BadInputTest {
    private static final int MAX_BODY = 1_048_576;
    /** Generous for a 1 MB text on a loaded build machine; a backtracking regex would take hours. */
    private static final Duration LIMIT = Duration.ofSeconds(60);
    @RegisterExtension
    static final RunningService RUNNING = new RunningService();

    private static TestService service() {
        return RUNNING.service();
    }

    /** A /v1/decide body with one user message holding text, JSON-escaped by Jackson. */
    private static String body(String text) {
        return "{\"task\": {\"type\": \"faq\"}, \"input\": {\"messages\": [{\"role\": \"user\", \"content\": "
                + json(text) + "}]}}";
    }

    private static String json(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> decide(String body) {
        return service().send(HttpRequest.newBuilder(service().uri("/v1/decide"))
                .timeout(LIMIT)
                .header("Authorization", "Bearer " + TestService.CLAIMS_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The findings of a 200 answer, each checked to lie inside a text of textLength UTF-16 code units. */
    private static List<JsonNode> findings(HttpResponse<String> response, int textLength) throws Exception {
        String body = response.body();
        assertEquals(200, response.statusCode(), () -> body.substring(0, Math.min(500, body.length())));
        JsonNode decision = Json.MAPPER.readTree(body);
        assertTrue(decision.hasNonNull("effect"));
        List<JsonNode> entities = new ArrayList<>();
        decision.at("/findings/entities").forEach(entities::add);
        for (JsonNode e : entities) {
            int start = e.get("start").asInt();
            int end = e.get("end").asInt();
            assertTrue(0 <= start && start < end && end <= textLength, "finding outside the text: " + e);
            assertEquals(0, e.get("message").asInt());
        }
        return entities;
    }

    private static JsonNode only(List<JsonNode> findings, String type) {
        List<JsonNode> ofType = findings.stream().filter(f -> f.get("type").asText().equals(type)).toList();
        assertEquals(1, ofType.size(), "findings: " + findings);
        return ofType.getFirst();
    }

    private static void assertSpan(JsonNode finding, String text, String value) {
        assertEquals(text.indexOf(value), finding.get("start").asInt());
        assertEquals(text.indexOf(value) + value.length(), finding.get("end").asInt());
    }

    @Test
    void aTextJustUnderTheBodyLimitIsAnsweredInTime() throws Exception {
        String sentence = "Hello, my name is Anna Schmidt, mail anna.schmidt@example.de or call +49 30 1234567. ";
        String envelope = body("");
        int room = MAX_BODY - envelope.length() - 64;
        String text = sentence.repeat(room / sentence.length());
        assertTrue(body(text).getBytes(StandardCharsets.UTF_8).length <= MAX_BODY);
        long start = System.nanoTime();
        List<JsonNode> found = findings(decide(body(text)), text.length());
        long millis = (System.nanoTime() - start) / 1_000_000;
        int sentences = room / sentence.length();
        assertEquals(sentences, found.stream().filter(f -> f.get("type").asText().equals("EMAIL_ADDRESS")).count());
        System.out.println("BadInputTest: " + text.length() + " chars (" + found.size() + " findings) answered in "
                + millis + " ms");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> response = decide(body("x".repeat(MAX_BODY)));
        assertEquals(413, response.statusCode());
        assertEquals(Problem.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void tenThousandEntitiesInOneTextAreAllFound() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append("user").append(i).append("@example.org, ");
        }
        List<JsonNode> found = findings(decide(body(text.toString())), text.length());
        assertEquals(10_000, found.size());
        assertTrue(found.stream().allMatch(f -> f.get("type").asText().equals("EMAIL_ADDRESS")));
        assertSpan(found.get(9_999), text.toString(), "user9999@example.org");
    }

    @Test
    void controlCharactersAroundAnEntity() throws Exception {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        controls.append('\u007f').append('\u0085').append('\u200b').append('\ufeff');
        String text = controls + "mail anna@example.org" + controls + " end";
        assertSpan(only(findings(decide(body(text)), text.length()), "EMAIL_ADDRESS"), text, "anna@example.org");
    }

    @Test
    void loneSurrogatesAreRefusedAndNotDecided() throws Exception {
        long before = service().logRecords();
        // Escaped by hand: the HTTP client would send a lone surrogate in a Java string as '?'.
        for (String content : new String[]{"a \\ud800 b", "\\udc00 mail anna@example.org", "end \\udbff"}) {
            String raw = "{\"task\": {\"type\": \"faq\"}, \"input\": {\"messages\": [{\"role\": \"user\", "
                    + "\"content\": \"" + content + "\"}]}}";
            HttpResponse<String> response = decide(raw);
            assertEquals(400, response.statusCode(), response.body());
            assertEquals(Problem.TYPE_BASE + "unpaired-surrogate", Json.MAPPER.readTree(response.body()).get("type").asText());
        }
        assertEquals(before, service().logRecords());
    }

    @Test
    void rightToLeftText() throws Exception {
        String text = "\u202Bمرحبا، اسمي أحمد وبريدي ahmad@example.org و رقمي\u202C שלום, המייל שלי dana@example.co.il";
        List<JsonNode> found = findings(decide(body(text)), text.length());
        List<JsonNode> emails = found.stream().filter(f -> f.get("type").asText().equals("EMAIL_ADDRESS")).toList();
        assertEquals(2, emails.size(), "findings: " + found);
        assertSpan(emails.get(0), text, "ahmad@example.org");
        assertSpan(emails.get(1), text, "dana@example.co.il");
    }

    @Test
    void emojiCountAsUtf16CodeUnitsInOffsets() throws Exception {
        String text = "👋🏽👨‍👩‍👧🇫🇷 mail anna@example.org 😀 IBAN FR14 2004 1010 0505 0001 3M02 606 🎉";
        List<JsonNode> found = findings(decide(body(text)), text.length());
        assertSpan(only(found, "EMAIL_ADDRESS"), text, "anna@example.org");
        assertSpan(only(found, "IBAN_CODE"), text, "FR14 2004 1010 0505 0001 3M02 606");
    }

    @Test
    void combiningMarksDoNotShiftOffsets() throws Exception {
        String text = "Ze\u0301lie\u0301 e\u0300 mail zelie@example.fr e\u0301 fin";
        assertSpan(only(findings(decide(body(text)), text.length()), "EMAIL_ADDRESS"), text, "zelie@example.fr");
    }

    @Test
    void anEmptyTextHasNoFindings() throws Exception {
        assertEquals(List.of(), findings(decide(body("")), 0));
    }
}
