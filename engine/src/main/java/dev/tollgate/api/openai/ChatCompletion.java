package dev.tollgate.api.openai;

import dev.tollgate.execute.Execution;
import dev.tollgate.terms.Strategy;

import java.util.List;

/**
 * OpenAI's {@code chat.completion} object for an executed request, its model the destination that answered, with Tollgate's own {@code tollgate} object
 * beside the standard fields (OpenAI clients keep unknown fields).
 */
record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
                      Tollgate tollgate) {
    static final String ID_PREFIX = "chatcmpl-";

    record Choice(int index, Message message, String finishReason) {
    }

    record Message(String role, String content) {
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
        Choice choice = new Choice(0, new Message("assistant", execution.content()), execution.finishReason());
        return new ChatCompletion(ID_PREFIX + execution.decisionId(), "chat.completion", created, execution.destination(),
                List.of(choice), Usage.of(execution), Tollgate.of(execution));
    }
}
