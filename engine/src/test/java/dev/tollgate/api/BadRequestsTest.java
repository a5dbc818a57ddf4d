package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.RawHttpExchange;
import dev.tollgate.testing.RunningService;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input on the four POST endpoints of a real service: each case gets its 4xx problem (the OpenAI error shape
 * on /v1/chat/completions), and none of them writes to the decision log.
 */
class BadRequestsTest {
    @RegisterExtension
    static final RunningService RUNNING = new RunningService();

    private static TestService service() {
        return RUNNING.service();
    }

    /** A valid body for each endpoint, around a user message whose JSON string literal is given. */
    static String body(String endpoint, String contentLiteral) {
        String messages = "[{\"role\": \"user\", \"content\": " + contentLiteral + "}]";
        return switch (endpoint) {
            case "/v1/decide" -> "{\"task\": {\"type\": \"faq\"}, \"input\": {\"messages\": " + messages + "}}";
            case "/v1/execute" -> "{\"token\": \"t\", \"input\": {\"messages\": " + messages + "}, \"max_tokens\": 8}";
            case "/v1/mask" -> "{\"input\": {\"messages\": " + messages + "}}";
            case "/v1/chat/completions" -> "{\"model\": \"tollgate\", \"messages\": " + messages + "}";
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    static final List<String> ENDPOINTS = List.of("/v1/decide", "/v1/execute", "/v1/mask", "/v1/chat/completions");

    private static RawHttpExchange post(String endpoint, String contentType, byte[] body) {
        return RawHttpExchange.post(service().port(), endpoint, TestService.CLAIMS_KEY, contentType, body);
    }

    private static RawHttpExchange post(String endpoint, String body) {
        return post(endpoint, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answer is the problem of that status and kind: problem+json, or on the OpenAI endpoint OpenAI's error
     * with the kind as its code (422 answered as 400, as OpenAI does). Returns the problem detail or error message.
     */
    static String assertRefused(String endpoint, RawHttpExchange answer, int status, String kind) throws Exception {
        JsonNode body = Json.MAPPER.readTree(answer.body());
        if (endpoint.equals("/v1/chat/completions")) {
            assertEquals(status == 422 ? 400 : status, answer.status(), answer.body());
            assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
            assertEquals(kind.replace('-', '_'), body.at("/error/code").asText(), answer.body());
            return body.at("/error/message").asText();
        }
        assertEquals(status, answer.status(), endpoint + ": " + answer.body());
        assertEquals(Problem.MEDIA_TYPE, answer.contentType());
        assertEquals(Problem.TYPE_BASE + kind, body.get("type").asText(), answer.body());
        assertEquals(status, body.get("status").asInt());
        return body.get("detail").asText() + " " + body.path("errors");
    }

    @Test
    void aContentTypeThatIsNotJsonIs415ParseableOrNot() throws Exception {
        long before = service().logRecords();
        for (String endpoint : ENDPOINTS) {
            byte[] valid = body(endpoint, "\"Opening hours?\"").getBytes(StandardCharsets.UTF_8);
            for (String type : new String[]{"json", "", "text/plain", "garbage;;==", "application/xml",
                    "application/json; charset=iso-8859-1", "application/jsonx"}) {
                assertRefused(endpoint, post(endpoint, type, valid), 415, "unsupported-media-type");
            }
            assertRefused(endpoint, post(endpoint, null, valid), 415, "unsupported-media-type");
        }
        assertEquals(before, service().logRecords());
    }

    @Test
    void contentAfterTheJsonValueIs400WithItsLocation() throws Exception {
        long before = service().logRecords();
        for (String endpoint : ENDPOINTS) {
            String valid = body(endpoint, "\"Opening hours?\"");
            for (String body : new String[]{valid + "x", valid + valid, valid + "\n  1", valid + " []"}) {
                String detail = assertRefused(endpoint, post(endpoint, body), 400, "trailing-content");
                assertTrue(detail.contains("line ") && detail.contains("column "), detail);
            }
        }
        assertEquals(before, service().logRecords());
    }

    @Test
    void anEmptyBodyIs400() throws Exception {
        for (String endpoint : ENDPOINTS) {
            assertRefused(endpoint, post(endpoint, ""), 400, "malformed-json");
            assertRefused(endpoint, post(endpoint, " \n "), 400, "malformed-json");
        }
    }

    @Test
    void whiteSpaceAfterTheValueIsAccepted() {
        RawHttpExchange answer = post("/v1/decide", body("/v1/decide", "\"Opening hours?\"") + " \r\n\t ");
        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void bytesThatAreNotUtf8Are400NamingWhere() throws Exception {
        byte[][] bad = {
                {(byte) 0xC0, (byte) 0xAF},                             // overlong '/'
                {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},                // overlong, three bytes
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},   // U+110000
                {(byte) 0xF7, (byte) 0xBF, (byte) 0xBF, (byte) 0xBF},   // beyond U+10FFFF
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},                // a surrogate written in UTF-8
                {(byte) 0x80},                                          // a stray continuation byte
                {(byte) 0xE2, (byte) 0x82},                             // truncated before the closing quote
                {(byte) 0xFF}};
        long before = service().logRecords();
        for (String endpoint : ENDPOINTS) {
            String[] around = body(endpoint, "\"Hi @\"").split("@");
            for (byte[] b : bad) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
                body.writeBytes(b);
                body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
                String detail = assertRefused(endpoint, post(endpoint, "application/json", body.toByteArray()), 400,
                        "invalid-utf8");
                assertTrue(detail.contains("at byte " + around[0].getBytes(StandardCharsets.UTF_8).length), detail);
            }
        }
        assertEquals(before, service().logRecords());
    }

    @Test
    void anUnpairedSurrogateEscapeIs400WithItsPointer() throws Exception {
        long before = service().logRecords();
        for (String endpoint : ENDPOINTS) {
            for (String content : new String[]{"\"Hi there \\ud800\"", "\"\\udc00 Hi\"", "\"Hi \\ud800\\ud800\\udc00\""}) {
                String detail = assertRefused(endpoint, post(endpoint, body(endpoint, content)), 400,
                        "unpaired-surrogate");
                String pointer = endpoint.equals("/v1/chat/completions") ? "/messages/0/content"
                        : "/input/messages/0/content";
                assertTrue(detail.endsWith("at " + pointer) || detail.contains("at " + pointer + " "), detail);
            }
        }
        String inAName = "{\"task\": {\"type\": \"faq\"}, \"input\": {\"messages\": [{\"role\": \"user\", "
                + "\"content\": \"x\"}]}, \"hints\": {\"\\ud800\": 1}}";
        // The parser itself refuses one in a member name.
        assertTrue(assertRefused("/v1/decide", post("/v1/decide", inAName), 400, "malformed-json")
                .contains("line 1, column"));
        assertEquals(before, service().logRecords());
    }

    @Test
    void aPairedSurrogateIsAnOrdinaryCharacter() throws Exception {
        RawHttpExchange answer = post("/v1/mask", body("/v1/mask", "\"Hi \\ud83d\\ude00\""));
        assertEquals(200, answer.status(), answer.body());
        assertEquals("Hi \uD83D\uDE00", Json.MAPPER.readTree(answer.body()).at("/messages/0/content").asText());
    }

    @Test
    void numbersOutOfRangeAre422NamingTheFieldAndTheRange() throws Exception {
        long before = service().logRecords();
        Map<String, String> cases = Map.of(
                "/v1/execute", "{\"token\": \"t\", \"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}, "
                        + "\"max_tokens\": %s}",
                "/v1/chat/completions", "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}], "
                        + "\"max_tokens\": %s}",
                "/v1/decide", "{\"task\": {\"type\": \"faq\"}, \"input\": {\"messages\": [{\"role\": \"user\", "
                        + "\"content\": \"x\"}]}, \"hints\": {\"max_latency_ms\": %s}}");
        for (var c : cases.entrySet()) {
            String range = c.getKey().equals("/v1/decide") ? "from 1 to 2147483647" : "from 1 to 4096";
            for (String number : new String[]{"4294967297", "-4294967295", "0", "-1", "2.5", "1e3", "4097",
                    "18446744073709551617", "\"8\"", "99999999999999999999999999999999"}) {
                if (c.getKey().equals("/v1/decide") && number.equals("4097")) {
                    continue;
                }
                String detail = assertRefused(c.getKey(), post(c.getKey(), c.getValue().formatted(number)), 422,
                        "invalid-request");
                assertTrue(detail.contains(range), number + " on " + c.getKey() + ": " + detail);
                assertTrue(detail.contains(c.getKey().equals("/v1/decide") ? "max_latency_ms" : "max_tokens"), detail);
            }
        }
        String n = "{\"model\": \"m\", \"n\": 4294967297, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}";
        assertTrue(assertRefused("/v1/chat/completions", post("/v1/chat/completions", n), 422, "invalid-request")
                .contains("n: is not supported by Tollgate: leave it out or give 1"));
        assertEquals(before, service().logRecords());
    }

    @Test
    void helidonsOwnBadRequestsAreProblemJson() throws Exception {
        for (String request : new String[]{
                "GET /health HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n",
                "BROKEN\r\n\r\n",
                "POST /v1/decide HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n"}) {
            RawHttpExchange answer = RawHttpExchange.send(service().port(), request.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(400, answer.status(), request + " -> " + answer.body());
            assertEquals(Problem.MEDIA_TYPE, answer.contentType(), request);
            JsonNode problem = Json.MAPPER.readTree(answer.body());
            assertEquals(Problem.TYPE_BASE + "bad-request", problem.get("type").asText());
            assertFalse(answer.body().contains("nope") || answer.body().contains("colon"), answer.body());
        }
        // Far over the size limit, and over the one Helidon itself enforces (twice Tollgate's).
        RawHttpExchange huge = RawHttpExchange.send(service().port(), ("POST /v1/decide HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(413, huge.status(), huge.body());
        assertEquals(Problem.MEDIA_TYPE, huge.contentType());
    }
}
