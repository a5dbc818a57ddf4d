package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.testing.RawHttpExchange;
import dev.tollgate.testing.RunningService;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 2,080 generated bodies (seeded, so every run sends the same ones) over the four POST endpoints of a real
 * service: mutated valid bodies, wrong types, huge numbers, bad UTF-8, trailing bytes, wrong content types,
 * truncated bodies and unpaired surrogates. None gets a 5xx; every error is problem+json (OpenAI's error JSON on
 * /v1/chat/completions); and a request refused for its input (400, 413, 415, 422) writes nothing to the log.
 * The caller is an application whose every request is denied (a practice the AI Act prohibits), so the bodies
 * that survive mutation are decided without running a model.
 */
class BodyFuzzTest {
    private static final long SEED = 20_261_205L;
    private static final int ROUNDS = 520;
    private static final String KEY = "demo-emotion-monitor";
    private static final Set<Integer> INPUT_REFUSALS = Set.of(400, 413, 415, 422);
    private static final String CONTENT = "\"Opening hours for Anna Schmidt, anna@example.org?\"";
    private static final Map<String, String> VALID = Map.of(
            "/v1/decide", "{\"task\": {\"type\": \"faq\"}, \"subject\": {\"country\": \"DE\"}, \"input\": {\"messages\": "
                    + "[{\"role\": \"user\", \"content\": " + CONTENT + "}]}, \"hints\": {\"categories\": [\"health\"], "
                    + "\"max_latency_ms\": 800}}",
            "/v1/execute", "{\"token\": \"a.b.c\", \"input\": {\"messages\": [{\"role\": \"user\", \"content\": "
                    + CONTENT + "}]}, \"max_tokens\": 16}",
            "/v1/mask", "{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": " + CONTENT + "}]}, "
                    + "\"entities\": [\"PERSON\"], \"operators\": {\"PERSON\": \"replace\"}}",
            "/v1/chat/completions", "{\"model\": \"tollgate\", \"messages\": [{\"role\": \"system\", \"content\": \"Be brief\"}, "
                    + "{\"role\": \"user\", \"content\": " + CONTENT + "}], \"max_tokens\": 16, \"stream\": false, "
                    + "\"metadata\": {\"task_type\": \"faq\"}}");
    private static final String[] NUMBERS = {"4294967297", "-4294967295", "0", "-1", "2.5", "1e3", "1e400", "-0",
            "1.0", "99999999999999999999999999999999999999", "1E-400", "NaN", "Infinity", "0x10", "+1", "01", "4097"};
    private static final String[] CONTENT_TYPES = {"json", "", "text/plain", "application/xml", "garbage;;==",
            "application/json; charset=latin1", "application/jsonp", "multipart/form-data; boundary=x", "*/*"};
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC1, (byte) 0xBF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xFE}, {(byte) 0xFF}};
    private static final String[] TRAILERS = {"x", "{}", " 1", "]", "}", "\u0000", "//c", "/* */", ",", "\"s\"",
            "null", " {\"a\": 1}"};
    private static final String STRUCTURAL = "{}[]\":,\\ 0-e";
    private static final String[] SURROGATES = {"\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud83d", "\\ude00x"};
    private static final JsonNode[] WRONG_VALUES = {Json.MAPPER.getNodeFactory().numberNode(42),
            Json.MAPPER.getNodeFactory().numberNode(-7.5), Json.MAPPER.getNodeFactory().textNode("x"),
            Json.MAPPER.getNodeFactory().booleanNode(true), Json.MAPPER.getNodeFactory().nullNode(),
            Json.MAPPER.createArrayNode(), Json.MAPPER.createObjectNode(),
            Json.MAPPER.createArrayNode().add(1).add("two"), Json.MAPPER.getNodeFactory().textNode("")};

    @RegisterExtension
    static final RunningService RUNNING = new RunningService();

    private static TestService service() {
        return RUNNING.service();
    }

    private enum Mutation { BYTES, WRONG_TYPE, NUMBER, BAD_UTF8, TRAILING, CONTENT_TYPE, TRUNCATED, SURROGATE }

    private record Case(int index, String endpoint, Mutation mutation, String contentType, byte[] body) {
        @Override
        public String toString() {
            return "#" + index + " " + mutation + " " + endpoint + " (" + contentType + "): "
                    + new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void noGeneratedBodyGetsA5xxOrALogRecordWhenRefused() throws Exception {
        Random random = new Random(SEED);
        Map<String, Integer> answers = new TreeMap<>();
        List<String> endpoints = new ArrayList<>(new TreeMap<>(VALID).keySet());
        int index = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String endpoint : endpoints) {
                Case c = generate(index++, endpoint, random);
                long before = logBytes();
                RawHttpExchange answer = RawHttpExchange.post(service().port(), endpoint, KEY, c.contentType(), c.body());
                assertTrue(answer.status() < 500, answer.status() + " for " + c + " -> " + answer.body());
                if (answer.status() >= 400) {
                    answers.merge(endpoint + " " + answer.status() + " " + kind(c, answer), 1, Integer::sum);
                } else {
                    answers.merge(endpoint + " " + answer.status(), 1, Integer::sum);
                }
                if (INPUT_REFUSALS.contains(answer.status())) {
                    assertEquals(before, logBytes(), "a refused request wrote to the log: " + c);
                }
            }
        }
        System.out.println("BodyFuzzTest: " + index + " bodies, answers " + answers);
        for (String kind : new String[]{"415 unsupported", "400 malformed", "400 invalid", "400 trailing", "400 unpaired",
                "422 invalid"}) {
            assertTrue(answers.keySet().stream().anyMatch(k -> k.contains(kind.replace('-', '_'))
                    || k.contains(kind)), "no " + kind + " among " + answers);
        }
    }

    /** The problem kind (or the OpenAI error code), after checking the answer's shape. */
    private static String kind(Case c, RawHttpExchange answer) throws IOException {
        JsonNode body = Json.MAPPER.readTree(answer.body());
        if (c.endpoint().equals("/v1/chat/completions")) {
            assertTrue(answer.contentType().startsWith("application/json"), c + " -> " + answer.contentType());
            assertTrue(body.at("/error/message").isTextual() && body.at("/error/type").isTextual(), c + " -> " + body);
            return body.at("/error/code").asText();
        }
        assertEquals(Problem.MEDIA_TYPE, answer.contentType(), c.toString());
        assertEquals(answer.status(), body.get("status").asInt(), c.toString());
        assertTrue(body.get("type").asText().startsWith(Problem.TYPE_BASE) && body.hasNonNull("title")
                && body.hasNonNull("detail"), c + " -> " + body);
        return body.get("type").asText().substring(Problem.TYPE_BASE.length());
    }

    private static Case generate(int index, String endpoint, Random random) {
        String valid = VALID.get(endpoint);
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
        String contentType = "application/json";
        byte[] body = switch (mutation) {
            case BYTES -> flipBytes(bytes, random);
            case WRONG_TYPE -> utf8(wrongType(valid, random));
            case NUMBER -> utf8(valid.replaceFirst("(\"(max_tokens|max_latency_ms)\": )\\d+|(\"content\": )\"[^\"]*\"",
                    "$1$3" + NUMBERS[random.nextInt(NUMBERS.length)]));
            case BAD_UTF8 -> insert(bytes, random.nextInt(bytes.length + 1), BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
            case TRAILING -> utf8(valid + (random.nextBoolean() ? valid : TRAILERS[random.nextInt(TRAILERS.length)]));
            case CONTENT_TYPE -> {
                int pick = random.nextInt(CONTENT_TYPES.length + 1);
                contentType = pick == CONTENT_TYPES.length ? null : CONTENT_TYPES[pick];
                yield bytes;
            }
            case TRUNCATED -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case SURROGATE -> {
                int at = valid.indexOf("Anna") + random.nextInt(20);
                yield utf8(valid.substring(0, at) + SURROGATES[random.nextInt(SURROGATES.length)] + valid.substring(at));
            }
        };
        return new Case(index, endpoint, mutation, contentType, body);
    }

    private static byte[] flipBytes(byte[] valid, Random random) {
        byte[] body = valid.clone();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            body[random.nextInt(body.length)] = (byte) (random.nextBoolean() ? random.nextInt(256)
                    : STRUCTURAL.charAt(random.nextInt(STRUCTURAL.length())));
        }
        return body;
    }

    /** The valid body with one value, anywhere in it, replaced by a value of another type. */
    private static String wrongType(String valid, Random random) {
        try {
            JsonNode root = Json.MAPPER.readTree(valid);
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode parent = containers.get(random.nextInt(containers.size()));
            JsonNode value = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
            if (parent instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                object.set(names.get(random.nextInt(names.size())), value);
            } else {
                ((ArrayNode) parent).set(random.nextInt(parent.size()), value);
            }
            return Json.MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node instanceof ContainerNode<?> && !node.isEmpty()) {
            containers.add(node);
            node.elements().forEachRemaining(child -> collect(child, containers));
        }
    }

    private static byte[] insert(byte[] body, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(inserted);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long logBytes() throws IOException {
        try (Stream<Path> files = Files.list(service().dataDir().resolve("log"))) {
            long bytes = 0;
            for (Path file : files.toList()) {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }
}
