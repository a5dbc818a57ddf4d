package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.ToolCall;

import dev.tollgate.terms.Strategy;

import java.util.List;

/**
 * What a strategy produced, before placeholders are restored.
 *
 * @param text             the answer as the model gave it (placeholders still in)
 * @param strategy         the strategy that actually ran (offline when the cloud was unreachable)
 * @param escalated        whether the request went on to the cloud after the on-device model
 * @param confidence       the on-device model's confidence when it answered first, else null
 * @param agreement        the agreement of the on-device answers sampled for a consistency check, else null
 * @param cloudDestination the cloud destination that answered a leg (masked input went to it); null when none did
 * @param cloudTokensSent  prompt tokens a cloud destination reported for what it was sent
 * @param cloudTokensIn    tokens sent to the cloud, counted by {@link CloudTokens}
 * @param cloudTokensOut   tokens the cloud answered with, counted by {@link CloudTokens}
 * @param modelNanos       time spent waiting for models
 * @param validationQueued whether a cloud validation of an offline answer was queued
 * @param toolCalls        the tools the answering model called (placeholders still in their arguments)
 */
record Answer(String text, String destination, Strategy strategy, boolean escalated, Double confidence,
              Double agreement, int promptTokens, int completionTokens, String cloudDestination, int cloudTokensSent,
              int cloudTokensIn, int cloudTokensOut, long modelNanos, String finishReason, boolean validationQueued,
              List<ToolCall> toolCalls) {

    boolean cloudLegRan() {
        return cloudDestination != null;
    }

    @Override
    public String toString() {
        return "Answer[" + destination + " " + strategy.wire() + ", " + text.length() + " chars]";
    }
}
