package dev.tollgate.audit;

import com.fasterxml.jackson.core.JsonParser;
import dev.tollgate.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scanner verify checks lines with: it ends values where they end and accepts nothing Jackson refuses. */
class JsonScannerTest {
    private static final List<String> VALID = List.of(
            "{}", "[]", "{\"a\":1}", " {\"a\" : [1, -2.5e+3, 0, 0.1E-2, true, false, null] } ",
            "{\"s\":\"tab\\t quote\\\" \\u00e9 \\ud83d\\ude00 slash\\/\"}",
            "{\"é\":\"Müller – 東京 😀\"}", "{\"a\":{\"a\":{\"a\":[]}},\"b\":{\"a\":1}}", "\"x\"", "-0", "123");
    private static final List<String> REFUSED = List.of(
            "{\"a\":1,\"a\":2}", "{\"o\":{\"a\":1,\"b\":{},\"a\":2}}", "{\"a\":1,}", "[1,]", "{\"a\":01}", "[+1]",
            "[1.]", "[.5]", "[NaN]", "{a:1}", "{'a':1}", "[\"tab\there\"]", "[\"\\x\"]", "[\"\\u12\"]", "[tru]",
            "{\"a\":1", "[1 2]", "{\"a\" 1}", "[1e]", "[-]", "{\"\\u0061\":1}",
            "{\"" + "n".repeat(1001) + "\":1}");

    @Test
    void validValuesEndWhereTheyEnd() {
        JsonScanner scanner = new JsonScanner();
        for (String json : VALID) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            int start = JsonScanner.skipSpace(bytes, 0);
            assertEquals(json.stripTrailing().getBytes(StandardCharsets.UTF_8).length, scanner.value(bytes, start),
                    json);
        }
    }

    @Test
    void refusesBrokenJsonFieldsGivenTwiceAndNamesWithEscapes() {
        JsonScanner scanner = new JsonScanner();
        for (String json : REFUSED) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            int end = scanner.value(bytes, 0);
            assertTrue(end == JsonScanner.REFUSED || end < bytes.length, json);
        }
    }

    @Test
    void refusesMalformedUtf8InStrings() {
        JsonScanner scanner = new JsonScanner();
        byte[][] malformed = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        for (byte[] bad : malformed) {
            byte[] json = new byte[bad.length + 4];
            json[0] = '[';
            json[1] = '"';
            System.arraycopy(bad, 0, json, 2, bad.length);
            json[bad.length + 2] = '"';
            json[bad.length + 3] = ']';
            assertEquals(JsonScanner.REFUSED, scanner.value(json, 0));
        }
    }

    @Test
    void whatItAcceptsJacksonAcceptsWithFieldsTwiceRefused() throws IOException {
        JsonScanner scanner = new JsonScanner();
        for (String json : concat(VALID, REFUSED)) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            int start = JsonScanner.skipSpace(bytes, 0);
            int end = scanner.value(bytes, start);
            boolean whole = end != JsonScanner.REFUSED && JsonScanner.skipSpace(bytes, end) == bytes.length;
            assertEquals(VALID.contains(json), whole, json);
            if (whole) {
                try (JsonParser parser = Json.MAPPER.createParser(bytes)
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)) {
                    while (parser.nextToken() != null) {
                        parser.getText();
                    }
                }
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
