package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.Message;

import java.util.List;

/**
 * What a model is asked: the chat messages (already masked where the decision says so) and the most tokens it
 * may generate.
 */
public record GenerationRequest(List<Message> messages, int maxTokens) {
    public GenerationRequest {
        messages = List.copyOf(messages);
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }

    /** Without the messages: prompt text must not reach a log through a toString. */
    @Override
    public String toString() {
        return "GenerationRequest[" + messages.size() + " messages, maxTokens=" + maxTokens + "]";
    }
}
