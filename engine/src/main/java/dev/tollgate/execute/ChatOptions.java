package dev.tollgate.execute;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * How the caller asked the answer to be decoded, beyond its length: OpenAI's chat parameters that Tollgate honours.
 * Each is null (or empty) when the caller left it out; then the model decodes as Tollgate does by default (greedy,
 * plain text).
 *
 * @param temperature    0 to 2; above 0 the answer is sampled at it
 * @param topP           nucleus sampling: only the tokens making up this much probability are sampled from
 * @param stop           up to 4 strings; the answer ends before the first of them
 * @param seed           where sampling starts, so that the same request with the same seed gets the same answer
 * @param responseFormat OpenAI's {@code response_format} object when it asks for JSON ({@code json_object} or
 *                       {@code json_schema}); null for plain text
 * @param tools          OpenAI's {@code tools} array, the functions a cloud model may call; null when none
 * @param toolChoice     OpenAI's {@code tool_choice}; null when the caller left it out
 */
public record ChatOptions(Double temperature, Double topP, List<String> stop, Integer seed, JsonNode responseFormat,
                          JsonNode tools, JsonNode toolChoice) {
    public static final ChatOptions NONE = new ChatOptions(null, null, List.of(), null, null);

    public ChatOptions {
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** Options without tools. */
    public ChatOptions(Double temperature, Double topP, List<String> stop, Integer seed, JsonNode responseFormat) {
        this(temperature, topP, stop, seed, responseFormat, null, null);
    }

    /** Whether the caller asked for a sampled answer rather than the greedy one. */
    public boolean sampled() {
        return temperature != null && temperature > 0;
    }

    /** The JSON schema a json_schema response format gives; null for json_object or plain text. */
    public JsonNode jsonSchema() {
        return responseFormat == null ? null : responseFormat.path("json_schema").get("schema");
    }

    /** Without the stop strings, which may quote the prompt. */
    @Override
    public String toString() {
        return "ChatOptions[temperature=" + temperature + ", topP=" + topP + ", " + stop.size() + " stop, seed=" + seed
                + ", responseFormat=" + (responseFormat == null ? null : responseFormat.path("type").asText())
                + ", tools=" + (tools == null ? 0 : tools.size()) + "]";
    }
}
