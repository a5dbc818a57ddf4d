package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.Message;

import java.util.List;

/**
 * What a model is asked: the chat messages (already masked where the decision says so), the most tokens it
 * may generate, and whether the caller needs the answer's confidence (it costs the on-device model a scoring
 * pass, so only the cascade asks for it).
 */
public record GenerationRequest(List<Message> messages, int maxTokens, boolean withConfidence) {
    public GenerationRequest {
        messages = List.copyOf(messages);
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }

    public GenerationRequest(List<Message> messages, int maxTokens) {
        this(messages, maxTokens, false);
    }

    /** Without the messages: prompt text must not reach a log through a toString. */
    @Override
    public String toString() {
        return "GenerationRequest[" + messages.size() + " messages, maxTokens=" + maxTokens + ", withConfidence="
                + withConfidence + "]";
    }
}
