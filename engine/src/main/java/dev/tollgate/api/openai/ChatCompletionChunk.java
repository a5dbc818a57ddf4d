package dev.tollgate.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One {@code chat.completion.chunk} of a streamed answer. The last chunk with a choice carries the finish reason
 * and Tollgate's {@code tollgate} object; with include_usage a chunk with no choices and the usage follows.
 */
record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
                           ChatCompletion.Usage usage, ChatCompletion.Tollgate tollgate) {

    /** finish_reason is null until the last chunk, and written as null as OpenAI does. */
    record Choice(int index, Delta delta, @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason) {
    }

    /**
     * What the chunk adds: the role in the first chunk, a piece of content or the tool calls in the others, nothing
     * in the last.
     */
    record Delta(String role, String content, List<ChatCompletion.ToolCall> toolCalls) {
        Delta(String role, String content) {
            this(role, content, null);
        }
    }
}
