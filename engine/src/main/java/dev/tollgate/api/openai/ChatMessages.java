package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tollgate.Json;
import dev.tollgate.api.FieldError;
import dev.tollgate.api.JsonBodies;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.decision.DecideRequest.ToolCall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The messages of an OpenAI chat request, read into the shape /v1/decide takes; errors by JSON Pointer. An
 * assistant message may carry tool calls (its content then may be null), a "tool" message is the result of one.
 */
final class ChatMessages {
    /** OpenAI role -> Tollgate role; "developer" is the newer name of "system". */
    private static final Map<String, String> ROLES = Map.of("system", "system", "developer", "system",
            "user", "user", "assistant", "assistant", "tool", "tool");

    private ChatMessages() {
    }

    /** The messages as /v1/decide reads them (role and content), and with their tool calls. */
    record Read(ArrayNode forDecide, List<Message> messages) {
    }

    /** The messages: role mapped, content flattened to one string, tool calls and the id of a tool's call kept. */
    static Read read(JsonNode messages, List<FieldError> errors) {
        ArrayNode forDecide = Json.MAPPER.createArrayNode();
        List<Message> read = new ArrayList<>();
        if (!JsonBodies.isArray(messages, "/messages", errors)) {
            return new Read(forDecide, read);
        }
        JsonBodies.forEachObject(messages, "/messages", errors, (message, at) -> {
            JsonNode role = message.get("role");
            String mapped = role != null && role.isTextual() ? ROLES.get(role.asText()) : null;
            if (mapped == null) {
                errors.add(new FieldError(at + "/role", "must be one of assistant, developer, system, tool, user"));
            }
            if (message.hasNonNull("function_call")) {
                errors.add(new FieldError(at + "/function_call", "is not supported: use tool_calls"));
            }
            List<ToolCall> calls = "assistant".equals(mapped) ? toolCalls(message.get("tool_calls"), at, errors)
                    : List.of();
            refuseOutOfPlace(message, mapped, at, errors);
            String toolCallId = "tool".equals(mapped) ? toolCallId(message.get("tool_call_id"), at, errors) : null;
            JsonNode contentNode = message.get("content");
            String content = !calls.isEmpty() && (contentNode == null || contentNode.isNull()) ? ""
                    : content(contentNode, at + "/content", errors);
            if (mapped != null && content != null) {
                forDecide.addObject().put("role", mapped).put("content", content);
                read.add(new Message(mapped, content, calls, toolCallId));
            }
        });
        return new Read(forDecide, read);
    }

    /** tool_calls belong to assistant messages and tool_call_id to tool messages; an empty tool_calls is none. */
    private static void refuseOutOfPlace(JsonNode message, String role, String at, List<FieldError> errors) {
        JsonNode calls = message.get("tool_calls");
        if (!"assistant".equals(role) && calls != null && !calls.isNull() && !(calls.isArray() && calls.isEmpty())) {
            errors.add(new FieldError(at + "/tool_calls", "only an assistant message has tool calls"));
        }
        if (!"tool".equals(role) && message.hasNonNull("tool_call_id")) {
            errors.add(new FieldError(at + "/tool_call_id", "only a tool message answers a tool call"));
        }
    }

    private static String toolCallId(JsonNode id, String at, List<FieldError> errors) {
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            errors.add(new FieldError(at + "/tool_call_id", "a tool message needs the id of the call it answers"));
            return null;
        }
        return id.asText();
    }

    /** [{"id", "type": "function", "function": {"name", "arguments"}}, ...]; null or absent: none. */
    private static List<ToolCall> toolCalls(JsonNode calls, String at, List<FieldError> errors) {
        List<ToolCall> read = new ArrayList<>();
        if (calls == null || calls.isNull()) {
            return read;
        }
        if (!calls.isArray()) {
            errors.add(new FieldError(at + "/tool_calls", "must be an array"));
            return read;
        }
        for (int i = 0; i < calls.size(); i++) {
            JsonNode call = calls.get(i);
            JsonNode function = call.path("function");
            if (!call.path("id").isTextual() || !"function".equals(call.path("type").asText())
                    || !function.path("name").isTextual() || !function.path("arguments").isTextual()) {
                errors.add(new FieldError(at + "/tool_calls/" + i, "must be {\"id\": string, \"type\": \"function\", "
                        + "\"function\": {\"name\": string, \"arguments\": string}}"));
            } else {
                read.add(new ToolCall(call.get("id").asText(), function.get("name").asText(),
                        function.get("arguments").asText()));
            }
        }
        return read;
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
