package dev.tollgate.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.decision.DecideRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/** Reading and validating the parts every JSON request body shares: the object itself and its messages. */
public final class JsonBodies {
    static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");
    private static final int MAX_MESSAGES = 256;

    private JsonBodies() {
    }

    /**
     * The body as a JSON object: 400 when it is not well-formed UTF-8, not JSON, breaks a parser limit, has
     * anything but white space after the value, or holds an unpaired surrogate escape; 422 when not an object.
     */
    public static JsonNode readObject(byte[] body) {
        StrictUtf8.check(body);
        JsonNode node;
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            node = Json.MAPPER.readTree(parser);
            if (node != null) {
                requireEnd(parser);
            }
        } catch (JsonProcessingException e) {
            // A parser limit (nesting depth, number or name length) is reported without a location.
            JsonLocation at = e.getLocation();
            throw new ProblemException(HttpProblem.MALFORMED_JSON, at == null
                    ? "The request body exceeds a JSON parser limit (nesting depth, number or name length)"
                    : "The request body is not valid JSON (" + where(at) + ")");
        } catch (IOException e) {
            throw new ProblemException(HttpProblem.MALFORMED_JSON, "The request body cannot be read");
        }
        if (node == null || node.isMissingNode()) {
            throw new ProblemException(HttpProblem.MALFORMED_JSON, "The request body is empty");
        }
        UnpairedSurrogates.find(node).ifPresent(pointer -> {
            throw new ProblemException(HttpProblem.UNPAIRED_SURROGATE,
                    "A string holds an unpaired UTF-16 surrogate escape (such as \\ud800), which is not a character, "
                            + "at " + (pointer.isEmpty() ? "the top level" : pointer));
        });
        if (!node.isObject()) {
            throw invalid(List.of(new FieldError("", "must be a JSON object")));
        }
        return node;
    }

    /** Anything after the JSON value but white space is refused, whether it parses ({..}{..}) or not ({..}x). */
    private static void requireEnd(JsonParser parser) throws IOException {
        JsonLocation after = parser.currentLocation();
        try {
            if (parser.nextToken() == null) {
                return;
            }
            after = parser.currentTokenLocation();
        } catch (JsonProcessingException e) {
            if (e.getLocation() != null) {
                after = e.getLocation();
            }
        }
        throw new ProblemException(HttpProblem.TRAILING_CONTENT,
                "The request body has content after its JSON value (near " + where(after) + ")");
    }

    private static String where(JsonLocation at) {
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /**
     * An integer field within [min, max], or null (with the error recorded) when it is a fraction, a number out
     * of that range, or not a number. Large numbers are compared exactly, never cut to 32 bits.
     */
    public static Integer integerIn(JsonNode node, String pointer, int min, int max, List<FieldError> errors) {
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= min && node.intValue() <= max) {
            return node.intValue();
        }
        errors.add(new FieldError(pointer, "must be an integer from " + min + " to " + max));
        return null;
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(HttpProblem.INVALID_REQUEST,
                errors.size() + " field(s) are missing or invalid", errors);
    }

    /** input.messages: 1 to 256 objects with a known role and a string content; errors by JSON Pointer. */
    static List<DecideRequest.Message> messages(JsonNode root, List<FieldError> errors) {
        JsonNode input = root.get("input");
        if (input == null || !input.isObject()) {
            errors.add(new FieldError("/input", input == null ? "is required" : "must be an object"));
            return List.of();
        }
        JsonNode messages = input.get("messages");
        if (!isArray(messages, "/input/messages", errors)) {
            return List.of();
        }
        if (messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            errors.add(new FieldError("/input/messages", "must hold 1 to " + MAX_MESSAGES + " messages"));
            return List.of();
        }
        List<DecideRequest.Message> result = new ArrayList<>();
        forEachObject(messages, "/input/messages", errors, (m, at) -> {
            JsonNode role = m.get("role");
            JsonNode content = m.get("content");
            boolean valid = true;
            if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
                errors.add(new FieldError(at + "/role", "must be one of " + String.join(", ", new TreeSet<>(ROLES))));
                valid = false;
            }
            if (content == null || !content.isTextual()) {
                errors.add(new FieldError(at + "/content", content == null ? "is required" : "must be a string"));
                valid = false;
            }
            if (valid) {
                result.add(new DecideRequest.Message(role.asText(), content.asText()));
            }
        });
        return result;
    }

    /** Whether {@code node}, the field at {@code pointer}, is an array; if not, the error is added. */
    public static boolean isArray(JsonNode node, String pointer, List<FieldError> errors) {
        if (node == null || !node.isArray()) {
            errors.add(new FieldError(pointer, node == null ? "is required" : "must be an array"));
            return false;
        }
        return true;
    }

    /** Hands each element of {@code array} to {@code read} with its pointer; an element not an object is an error. */
    public static void forEachObject(JsonNode array, String pointer, List<FieldError> errors,
                                     BiConsumer<JsonNode, String> read) {
        for (int i = 0; i < array.size(); i++) {
            String at = pointer + "/" + i;
            if (array.get(i).isObject()) {
                read.accept(array.get(i), at);
            } else {
                errors.add(new FieldError(at, "must be an object"));
            }
        }
    }
}
