package dev.tollgate.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.decision.DecideRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reading and validating the parts every JSON request body shares: the object itself and its messages. */
public final class JsonBodies {
    static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");
    private static final int MAX_MESSAGES = 256;

    private JsonBodies() {
    }

    /** The body as a JSON object: 400 when it is not JSON (or breaks a parser limit), 422 when not an object. */
    public static JsonNode readObject(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // A parser limit (nesting depth, number or name length) is reported without a location.
            JsonLocation at = e.getLocation();
            throw new ProblemException(400, "malformed-json", "Malformed JSON", at == null
                    ? "The request body exceeds a JSON parser limit (nesting depth, number or name length)"
                    : "The request body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr()
                            + ")");
        } catch (IOException e) {
            throw new ProblemException(400, "malformed-json", "Malformed JSON", "The request body cannot be read");
        }
        if (node == null || node.isMissingNode()) {
            throw new ProblemException(400, "malformed-json", "Malformed JSON", "The request body is empty");
        }
        if (!node.isObject()) {
            throw invalid(List.of(new FieldError("", "must be a JSON object")));
        }
        return node;
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(422, "invalid-request", "Invalid request",
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
        if (messages == null || !messages.isArray()) {
            errors.add(new FieldError("/input/messages", messages == null ? "is required" : "must be an array"));
            return List.of();
        }
        if (messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            errors.add(new FieldError("/input/messages", "must hold 1 to " + MAX_MESSAGES + " messages"));
            return List.of();
        }
        List<DecideRequest.Message> result = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String at = "/input/messages/" + i;
            if (!m.isObject()) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
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
        }
        return result;
    }
}
