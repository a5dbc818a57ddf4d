package dev.tollgate.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tollgate.decision.DecideRequest;
import dev.tollgate.execute.Execution;
import dev.tollgate.terms.Strategy;

import java.util.List;
import java.util.stream.IntStream;

/**
 * OpenAI's {@code chat.completion} object for an executed request, its model the destination that answered, with
 * Tollgate's own {@code tollgate} object beside the standard fields (OpenAI clients keep unknown fields).
 */
record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
                      Tollgate tollgate) {
    static final String ID_PREFIX = "chatcmpl-";

    record Choice(int index, Message message, String finishReason) {
    }

    /** The content is left out when the model only called tools. */
    record Message(String role, String content, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCall> toolCalls) {
    }

    /**
     * A tool call as OpenAI writes it; {@code index} only in a streamed chunk, where it says which call a delta
     * continues.
     */
    record ToolCall(Integer index, String id, String type, Function function) {
        record Function(String name, String arguments) {
        }

        static List<ToolCall> of(Execution execution, boolean indexed) {
            List<DecideRequest.ToolCall> calls = execution.toolCalls();
            return IntStream.range(0, calls.size()).mapToObj(i -> new ToolCall(indexed ? i : null, calls.get(i).id(),
                    "function", new Function(calls.get(i).name(), calls.get(i).arguments()))).toList();
        }
    }

    record Usage(int promptTokens, int completionTokens, int totalTokens) {
        static Usage of(Execution execution) {
            return new Usage(execution.promptTokens(), execution.completionTokens(),
                    execution.promptTokens() + execution.completionTokens());
        }
    }

    /** How Tollgate served the request: where the answer came from and what the caller must do with it. */
    record Tollgate(String decisionId, String destination, Strategy strategy, boolean escalated, Double confidence,
                    String disclosure, boolean humanOversight, String validationId) {
        static Tollgate of(Execution execution) {
            return new Tollgate(execution.decisionId(), execution.destination(), execution.strategy(),
                    execution.escalated(), execution.confidence(), execution.disclosure(), execution.humanOversight(),
                    execution.validationId());
        }
    }

    static ChatCompletion of(long created, Execution execution) {
        boolean onlyCalls = execution.content().isEmpty() && !execution.toolCalls().isEmpty();
        Choice choice = new Choice(0, new Message("assistant", onlyCalls ? null : execution.content(),
                ToolCall.of(execution, false)), execution.finishReason());
        return new ChatCompletion(ID_PREFIX + execution.decisionId(), "chat.completion", created,
                execution.destination(),
                List.of(choice), Usage.of(execution), Tollgate.of(execution));
    }
}
