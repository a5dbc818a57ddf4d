package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.ToolCall;

import java.util.List;

/**
 * A model's answer.
 *
 * @param confidence   in [0, 1], from the token log-probabilities where the executor has them (the SLM); null
 *                     when it does not
 * @param finishReason "stop" (the model ended), "length" (maxTokens reached), "tool_calls" (the model called tools)
 * @param toolCalls    the tools the model called (a cloud model given tools); empty when it called none
 */
public record Generation(String text, int promptTokens, int completionTokens, Double confidence,
                         String finishReason, List<ToolCall> toolCalls) {
    public Generation {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public Generation(String text, int promptTokens, int completionTokens, Double confidence, String finishReason) {
        this(text, promptTokens, completionTokens, confidence, finishReason, List.of());
    }

    /** Without the text: model output must not reach a log through a toString. */
    @Override
    public String toString() {
        return "Generation[" + text.length() + " chars, " + promptTokens + "+" + completionTokens
                + " tokens, confidence=" + confidence + ", " + finishReason + ", " + toolCalls.size() + " tool calls]";
    }
}
