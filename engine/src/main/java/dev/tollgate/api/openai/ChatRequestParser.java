package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.api.DecideRequestParser;
import dev.tollgate.api.ExecuteHandler;
import dev.tollgate.api.FieldError;
import dev.tollgate.api.JsonBodies;
import dev.tollgate.api.ProblemException;
import dev.tollgate.decision.DecideRequest;
import dev.tollgate.execute.ChatOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns an OpenAI chat completion body and the X-Tollgate-* headers into a {@link ChatRequest}, in two stages:
 * first the OpenAI shape (model, messages, max tokens, streaming, decoding parameters), then, translated into a
 * /v1/decide body, the checks /v1/decide makes (task type, subject country, number of messages, hint categories).
 * The messages decided on keep their tool calls, which /v1/decide's body has no place for. Either stage fails
 * with a 422 invalid-request whose field errors point into the OpenAI body, or name the header a value came from.
 */
final class ChatRequestParser {
    static final String TASK_HEADER = "X-Tollgate-Task-Type";
    static final String COUNTRY_HEADER = "X-Tollgate-Subject-Country";
    private static final int MAX_TOKENS_LIMIT = ExecuteHandler.MAX_TOKENS_LIMIT;
    private static final String DEFAULT_TASK = "chat";

    private final DecideRequestParser decideParser;
    private final int defaultMaxTokens;

    ChatRequestParser(DecideRequestParser decideParser, int defaultMaxTokens) {
        if (defaultMaxTokens < 1 || defaultMaxTokens > MAX_TOKENS_LIMIT) {
            throw new IllegalArgumentException("defaultMaxTokens must be 1 to " + MAX_TOKENS_LIMIT);
        }
        this.decideParser = decideParser;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /** A Tollgate input and where it came from: a JSON Pointer into the body, or a header's name. */
    private record Sourced(String value, String source) {
    }

    ChatRequest parse(byte[] body, Optional<String> taskHeader, Optional<String> countryHeader) {
        JsonNode root = JsonBodies.readObject(body);
        List<FieldError> errors = new ArrayList<>();
        String model = model(root, errors);
        ChatMessages.Read messages = ChatMessages.read(present(root, "messages"), errors);
        int maxTokens = maxTokens(root, errors);
        boolean stream = flag(root, "stream", "/stream", errors);
        JsonNode streamOptions = object(root, "stream_options", errors);
        boolean includeUsage = flag(streamOptions, "include_usage", "/stream_options/include_usage", errors);
        ChatOptions options = ChatParameters.read(root, errors);
        JsonNode metadata = object(root, "metadata", errors);
        Sourced task = headerOrMetadata(taskHeader, TASK_HEADER, metadata, "task_type", errors);
        Sourced country = headerOrMetadata(countryHeader, COUNTRY_HEADER, metadata, "subject_country", errors);
        String categories = metadataText(metadata, "hint_categories", errors);
        if (!errors.isEmpty()) {
            throw JsonBodies.invalid(errors);
        }
        DecideRequest decide = decide(task.value() == null ? new Sourced(DEFAULT_TASK, task.source()) : task,
                country, messages, categories);
        return new ChatRequest(model, decide, maxTokens, options, stream, includeUsage);
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private static String model(JsonNode root, List<FieldError> errors) {
        JsonNode model = present(root, "model");
        if (model == null || !model.isTextual() || model.asText().isEmpty()) {
            errors.add(new FieldError("/model", model == null ? "is required" : "must be a non-empty string"));
            return null;
        }
        return model.asText();
    }

    private int maxTokens(JsonNode root, List<FieldError> errors) {
        JsonNode legacy = present(root, "max_tokens");
        JsonNode current = present(root, "max_completion_tokens");
        if (legacy != null && current != null) {
            errors.add(new FieldError("/max_tokens", "give either max_tokens or max_completion_tokens, not both"));
            return 0;
        }
        JsonNode node = current != null ? current : legacy;
        if (node == null) {
            return defaultMaxTokens;
        }
        Integer maxTokens = JsonBodies.integerIn(node, current != null ? "/max_completion_tokens" : "/max_tokens",
                1, MAX_TOKENS_LIMIT, errors);
        return maxTokens == null ? 0 : maxTokens;
    }

    private static boolean flag(JsonNode parent, String field, String at, List<FieldError> errors) {
        JsonNode node = present(parent, field);
        if (node != null && !node.isBoolean()) {
            errors.add(new FieldError(at, "must be a boolean"));
            return false;
        }
        return node != null && node.asBoolean();
    }

    private static JsonNode object(JsonNode root, String field, List<FieldError> errors) {
        JsonNode node = present(root, field);
        if (node != null && !node.isObject()) {
            errors.add(new FieldError("/" + field, "must be an object"));
            return null;
        }
        return node;
    }

    /** The header when the request has it, else the metadata value (null when neither has one). */
    private static Sourced headerOrMetadata(Optional<String> header, String headerName, JsonNode metadata,
                                            String key, List<FieldError> errors) {
        return header.map(value -> new Sourced(value, headerName))
                .orElseGet(() -> new Sourced(metadataText(metadata, key, errors), "/metadata/" + key));
    }

    private static String metadataText(JsonNode metadata, String key, List<FieldError> errors) {
        JsonNode node = present(metadata, key);
        if (node != null && !node.isTextual()) {
            errors.add(new FieldError("/metadata/" + key, "must be a string"));
            return null;
        }
        return node == null ? null : node.asText();
    }

    /** Validates the Tollgate inputs as /v1/decide does, reporting its field errors at their OpenAI source. */
    private DecideRequest decide(Sourced task, Sourced country, ChatMessages.Read messages, String categories) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("task").put("type", task.value());
        if (country.value() != null) {
            body.putObject("subject").put("country", country.value());
        }
        body.putObject("input").set("messages", messages.forDecide());
        ArrayNode hints = body.putObject("hints").putArray("categories");
        if (categories != null) {
            Arrays.stream(categories.split(",")).map(String::strip).filter(c -> !c.isEmpty()).forEach(hints::add);
        }
        try {
            DecideRequest checked = decideParser.parse(body).request();
            return new DecideRequest(checked.taskType(), checked.subjectCountry(), messages.messages(),
                    checked.hintCategories(), checked.maxLatencyMs());
        } catch (ProblemException e) {
            List<FieldError> found = e.toProblem(null).errors();
            if (found == null) {
                throw e;
            }
            throw JsonBodies.invalid(found.stream().map(error -> atSource(error, task, country)).distinct().toList());
        }
    }

    private static FieldError atSource(FieldError error, Sourced task, Sourced country) {
        String at = error.pointer();
        if (at.startsWith("/input/messages")) {
            return new FieldError(at.substring("/input".length()), error.detail());
        }
        if (at.startsWith("/hints/categories")) {
            return new FieldError("/metadata/hint_categories", error.detail());
        }
        if (at.equals("/task/type")) {
            return new FieldError(task.source(), error.detail());
        }
        if (at.equals("/subject/country")) {
            return new FieldError(country.source(), error.detail());
        }
        return error;
    }
}
