package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.Message;

import java.util.List;

/**
 * What a model is asked: the chat messages (already masked where the decision says so), the most tokens it
 * may generate, whether the caller needs the answer's confidence (it costs the on-device model a scoring
 * pass, so only the cascade asks for it), how to decode: greedily (null) or by sampling, and the caller's own
 * decoding options (stop strings, response format, and sampling when the caller asked for it).
 */
public record GenerationRequest(List<Message> messages, int maxTokens, boolean withConfidence, Sampling sampling,
                                ChatOptions options) {
    public GenerationRequest {
        messages = List.copyOf(messages);
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        options = options == null ? ChatOptions.NONE : options;
    }

    public GenerationRequest(List<Message> messages, int maxTokens, ChatOptions options) {
        this(messages, maxTokens, false, null, options);
    }

    public GenerationRequest(List<Message> messages, int maxTokens, boolean withConfidence) {
        this(messages, maxTokens, withConfidence, null, ChatOptions.NONE);
    }

    public GenerationRequest(List<Message> messages, int maxTokens) {
        this(messages, maxTokens, false);
    }

    /**
     * Sampled decoding: at {@code temperature} (above 0) from a generator seeded with {@code seed}, so the same
     * request with the same seed gets the same sample. The on-device model honours it; a cloud executor decodes as
     * its server does.
     */
    public record Sampling(float temperature, int seed) {
        public Sampling {
            if (!(temperature > 0)) {
                throw new IllegalArgumentException("a sampling temperature is above 0, not " + temperature);
            }
        }
    }

    /** Whether the request gives tools or holds tool calls, which only a cloud model takes. */
    public boolean usesTools() {
        return options.tools() != null || messages.stream().anyMatch(m -> !m.toolCalls().isEmpty());
    }

    /** The same request decoded by sampling, without a confidence. */
    public GenerationRequest sampled(Sampling how) {
        return new GenerationRequest(messages, maxTokens, false, how, options);
    }

    /** Without the messages: prompt text must not reach a log through a toString. */
    @Override
    public String toString() {
        return "GenerationRequest[" + messages.size() + " messages, maxTokens=" + maxTokens + ", withConfidence="
                + withConfidence + ", sampling=" + sampling + ", " + options + "]";
    }
}
