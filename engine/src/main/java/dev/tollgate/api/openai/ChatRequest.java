package dev.tollgate.api.openai;

import dev.tollgate.decision.DecideRequest;
import dev.tollgate.execute.ChatOptions;

/**
 * A validated OpenAI chat completion request.
 *
 * @param model        the model the caller named; the route is chosen by policy, and the answer names the
 *                     destination that gave it
 * @param decide       what Tollgate decides on: task type, subject country, messages, hint categories
 * @param maxTokens    the most tokens the answer may have
 * @param options      the decoding parameters the caller set
 * @param stream       whether the answer is sent as Server-Sent Events
 * @param includeUsage whether a streamed answer ends with a usage chunk
 */
record ChatRequest(String model, DecideRequest decide, int maxTokens, ChatOptions options, boolean stream,
                   boolean includeUsage) {

    /** Without the messages: prompt text must not reach a log through a toString. */
    @Override
    public String toString() {
        return "ChatRequest[" + decide.messages().size() + " messages, maxTokens=" + maxTokens + ", stream=" + stream
                + "]";
    }
}
