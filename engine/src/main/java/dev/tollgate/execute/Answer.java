package dev.tollgate.execute;

import dev.tollgate.terms.Strategy;

/**
 * What a strategy produced, before placeholders are restored.
 *
 * @param text             the answer as the model gave it (placeholders still in)
 * @param strategy         the strategy that actually ran (offline when the cloud was unreachable)
 * @param escalated        whether the request went on to the cloud after the on-device model
 * @param confidence       the on-device model's confidence when it answered first, else null
 * @param cloudDestination the cloud destination that answered a leg (masked input went to it); null when none did
 * @param cloudTokensSent  prompt tokens a cloud destination reported for what it was sent
 * @param cloudTokensIn    tokens sent to the cloud, counted by {@link CloudTokens}
 * @param cloudTokensOut   tokens the cloud answered with, counted by {@link CloudTokens}
 * @param modelNanos       time spent waiting for models
 * @param validationQueued whether a cloud validation of an offline answer was queued
 */
record Answer(String text, String destination, Strategy strategy, boolean escalated, Double confidence,
              int promptTokens, int completionTokens, String cloudDestination, int cloudTokensSent,
              int cloudTokensIn, int cloudTokensOut, long modelNanos, String finishReason, boolean validationQueued) {

    boolean cloudLegRan() {
        return cloudDestination != null;
    }

    @Override
    public String toString() {
        return "Answer[" + destination + " " + strategy.wire() + ", " + text.length() + " chars]";
    }
}
