package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tollgate.Json;
import dev.tollgate.api.FieldError;
import dev.tollgate.api.JsonBodies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The messages of an OpenAI chat request, read into the shape /v1/decide takes; errors by JSON Pointer. */
final class ChatMessages {
    /** OpenAI role -> Tollgate role; "developer" is the newer name of "system". */
    private static final Map<String, String> ROLES = Map.of("system", "system", "developer", "system",
            "user", "user", "assistant", "assistant");
    private static final List<String> TOOL_FIELDS = List.of("tool_calls", "function_call", "tool_call_id");

    private ChatMessages() {
    }

    /** The messages as /v1/decide reads them: role mapped, content flattened to one string. */
    static ArrayNode read(JsonNode messages, List<FieldError> errors) {
        ArrayNode result = Json.MAPPER.createArrayNode();
        if (!JsonBodies.isArray(messages, "/messages", errors)) {
            return result;
        }
        JsonBodies.forEachObject(messages, "/messages", errors, (message, at) -> {
            JsonNode role = message.get("role");
            String mapped = role != null && role.isTextual() ? ROLES.get(role.asText()) : null;
            if (mapped == null) {
                errors.add(new FieldError(at + "/role", "must be one of assistant, developer, system, user"));
            }
            refuseToolCalls(message, at, errors);
            String content = content(message.get("content"), at + "/content", errors);
            if (mapped != null && content != null) {
                result.addObject().put("role", mapped).put("content", content);
            }
        });
        return result;
    }

    /**
     * Tool calls and their results are refused rather than dropped: a conversation missing them would be answered
     * as if they had not happened, and Tollgate would have to mask their arguments and results for the cloud. The
     * "tool" and "function" roles are refused by the role check; an empty tool_calls array is allowed.
     */
    private static void refuseToolCalls(JsonNode message, String at, List<FieldError> errors) {
        for (String field : TOOL_FIELDS) {
            JsonNode node = message.get(field);
            if (node != null && !node.isNull() && !(node.isArray() && node.isEmpty())) {
                errors.add(new FieldError(at + "/" + field, "is not supported: Tollgate serves plain chat "
                        + "completions, without tool calls"));
            }
        }
    }

    /** A string, or an array of {"type": "text", "text": ...} parts joined with newlines. */
    private static String content(JsonNode content, String at, List<FieldError> errors) {
        if (content != null && content.isTextual()) {
            return content.asText();
        }
        if (content == null || !content.isArray() || content.isEmpty()) {
            errors.add(new FieldError(at, "must be a string or a non-empty array of text parts"));
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            JsonNode type = content.get(j).get("type");
            JsonNode text = content.get(j).get("text");
            if (type == null || !type.isTextual() || !type.asText().equals("text")) {
                errors.add(new FieldError(at + "/" + j + "/type", "must be \"text\": Tollgate accepts text parts only"));
            } else if (text == null || !text.isTextual()) {
                errors.add(new FieldError(at + "/" + j + "/text", "must be a string"));
            } else {
                texts.add(text.asText());
            }
        }
        return texts.size() == content.size() ? String.join("\n", texts) : null;
    }
}
