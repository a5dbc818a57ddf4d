package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.api.FieldError;
import dev.tollgate.api.JsonBodies;
import dev.tollgate.execute.ChatOptions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI's decoding parameters of a chat request: each one Tollgate honours is read into {@link ChatOptions}, each
 * one it does not serve is refused naming it, unless it has its default value (which asks for nothing), and a field
 * OpenAI's chat API does not have is refused too. Nothing is silently dropped.
 */
final class ChatParameters {
    private static final int MAX_STOP = 4;
    /** The fields the request parser reads itself. */
    private static final Set<String> READ_ELSEWHERE = Set.of("model", "messages", "max_tokens",
            "max_completion_tokens", "stream", "stream_options", "metadata");
    private static final Set<String> HONOURED = Set.of("temperature", "top_p", "stop", "seed", "response_format",
            "tools", "tool_choice");
    /** Parameters not served, each with the value that asks for nothing (allowed). */
    private static final Map<String, Object> DEFAULTS_ONLY = Map.of("n", 1, "logprobs", false,
            "frequency_penalty", 0, "presence_penalty", 0, "functions", List.of(), "parallel_tool_calls", true);

    private ChatParameters() {
    }

    static ChatOptions read(JsonNode root, List<FieldError> errors) {
        refuseUnserved(root, errors);
        Double temperature = number(root, "temperature", 0, 2, errors);
        Double topP = number(root, "top_p", 0, 1, errors);
        JsonNode seedNode = present(root, "seed");
        Integer seed = seedNode == null ? null
                : JsonBodies.integerIn(seedNode, "/seed", Integer.MIN_VALUE, Integer.MAX_VALUE, errors);
        JsonNode tools = tools(present(root, "tools"), errors);
        JsonNode toolChoice = present(root, "tool_choice");
        if (toolChoice != null && !(toolChoice.isObject() || (toolChoice.isTextual()
                && Set.of("none", "auto", "required").contains(toolChoice.asText())))) {
            errors.add(new FieldError("/tool_choice", "must be none, auto, required or an object naming a function"));
        }
        return new ChatOptions(temperature, topP, stop(present(root, "stop"), errors), seed,
                responseFormat(present(root, "response_format"), errors), tools, toolChoice);
    }

    /** An array of {"type": "function", "function": {"name": ...}}; an empty array is no tools (null). */
    private static JsonNode tools(JsonNode tools, List<FieldError> errors) {
        if (tools == null || (tools.isArray() && tools.isEmpty())) {
            return null;
        }
        if (!tools.isArray()) {
            errors.add(new FieldError("/tools", "must be an array"));
            return null;
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            if (!"function".equals(tool.path("type").asText()) || !tool.path("function").path("name").isTextual()) {
                errors.add(new FieldError("/tools/" + i, "must be {\"type\": \"function\", \"function\": "
                        + "{\"name\": string, ...}}"));
            }
        }
        return tools;
    }

    private static void refuseUnserved(JsonNode root, List<FieldError> errors) {
        root.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull() || READ_ELSEWHERE.contains(name) || HONOURED.contains(name)) {
                return;
            }
            Object asksNothing = DEFAULTS_ONLY.get(name);
            if (asksNothing == null) {
                errors.add(new FieldError("/" + name, "is not supported by Tollgate"));
            } else if (!isDefault(value, asksNothing)) {
                errors.add(new FieldError("/" + name, "is not supported by Tollgate: leave it out or give "
                        + asksNothing));
            }
        });
    }

    private static boolean isDefault(JsonNode value, Object asksNothing) {
        if (asksNothing instanceof List) {
            return value.isArray() && value.isEmpty();
        }
        return asksNothing instanceof Boolean flag ? value.isBoolean() && value.booleanValue() == flag
                : value.isNumber() && value.decimalValue().compareTo(new BigDecimal(asksNothing.toString())) == 0;
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private static Double number(JsonNode root, String field, double min, double max, List<FieldError> errors) {
        JsonNode node = present(root, field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber() || node.doubleValue() < min || node.doubleValue() > max) {
            errors.add(new FieldError("/" + field, "must be a number from " + (int) min + " to " + (int) max));
            return null;
        }
        return node.doubleValue();
    }

    /** A string, or an array of 1 to 4 strings; none may be empty. */
    private static List<String> stop(JsonNode stop, List<FieldError> errors) {
        if (stop == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        if (stop.isTextual()) {
            strings.add(stop.asText());
        } else if (stop.isArray() && !stop.isEmpty() && stop.size() <= MAX_STOP) {
            stop.forEach(s -> strings.add(s.isTextual() ? s.asText() : ""));
        } else {
            errors.add(new FieldError("/stop", "must be a string or an array of 1 to " + MAX_STOP + " strings"));
            return List.of();
        }
        if (strings.stream().anyMatch(String::isEmpty)) {
            errors.add(new FieldError("/stop", "must hold non-empty strings"));
            return List.of();
        }
        return strings;
    }

    /**
     * {"type": "text"} (plain text, the default: null), {"type": "json_object"}, or {"type": "json_schema",
     * "json_schema": {"name": ..., "schema": {...}}}.
     */
    private static JsonNode responseFormat(JsonNode format, List<FieldError> errors) {
        String type = format == null ? "text" : format.path("type").asText("");
        switch (type) {
            case "text" -> {
                return null;
            }
            case "json_object" -> {
                return format;
            }
            case "json_schema" -> {
                JsonNode schema = format.path("json_schema");
                if (!schema.path("name").isTextual() || !schema.path("schema").isObject()) {
                    errors.add(new FieldError("/response_format/json_schema",
                            "must be an object with a name (string) and a schema (object)"));
                    return null;
                }
                return format;
            }
            default -> {
                errors.add(new FieldError("/response_format/type", "must be text, json_object or json_schema"));
                return null;
            }
        }
    }
}
