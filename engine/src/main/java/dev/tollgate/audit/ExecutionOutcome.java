package dev.tollgate.audit;

import dev.tollgate.terms.Strategy;

import java.util.Map;

/**
 * How an execution ended: {@link #COMPLETED} with the answer's figures (its text only as an HMAC), or
 * {@link #FAILED} with the problem the caller was given. Fields that do not apply to the status are null and left
 * out of the line.
 *
 * @param problem          for a failure: the problem kind
 * @param validationQueued true when an offline answer's cloud validation was queued; null otherwise
 * @param cloudDestination the cloud destination that answered a leg; null when none did (and in records written
 *                         before cloud usage was recorded: those count as no cloud tokens)
 * @param cloudTokensIn    tokens sent to that cloud, counted by Tollgate's tokenizer
 * @param cloudTokensOut   tokens that cloud answered with, counted the same way
 * @param heldForReview    true when the answer was held for a reviewer instead of given (a review record follows
 *                         when one is made); null otherwise
 * @param agreement        for a cascade whose route asked for a consistency check: the agreement of the on-device
 *                         answers sampled for it (docs/execution.md); null otherwise
 */
public record ExecutionOutcome(String decisionId, String application, String status, String destination,
                               Strategy strategy, Boolean escalated, Double confidence, Integer promptTokens,
                               Integer completionTokens, Integer cloudTokensSent, Map<String, Integer> maskedEntities,
                               Long latencyMs, Long modelMs, Boolean humanOversight, Boolean disclosed,
                               String finishReason, String outputHmac, Boolean validationQueued, String problem,
                               String cloudDestination, Integer cloudTokensIn, Integer cloudTokensOut,
                               Boolean heldForReview, Double agreement)
        implements LogRecord {
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public static ExecutionOutcome failed(String decisionId, String application, String destination, String problem,
                                          long latencyMs) {
        return new ExecutionOutcome(decisionId, application, FAILED, destination, null, null, null, null, null, null,
                null, latencyMs, null, null, null, null, null, null, problem, null, null, null, null, null);
    }

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    public boolean queuedValidation() {
        return Boolean.TRUE.equals(validationQueued);
    }

    public boolean held() {
        return Boolean.TRUE.equals(heldForReview);
    }
}
