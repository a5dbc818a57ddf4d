package dev.tollgate.execute;

import dev.tollgate.audit.DecisionStore;
import dev.tollgate.audit.DecisionLogUnavailableException;
import dev.tollgate.audit.DurableAppend;
import dev.tollgate.audit.ExecutionOutcome;
import dev.tollgate.audit.ExecutionRefusal;
import dev.tollgate.audit.ExecutionStarted;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.audit.LateAnswerRecord;
import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.execute.offline.PendingValidation;
import dev.tollgate.terms.Refusal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The execution side of the decision log, linked to decisions by decision id. Every record is durable before
 * the caller hears of it. Texts never go in: answers are recorded as an HMAC.
 * <ul>
 *   <li>{@code execution_started}: a token was accepted and claimed (single use survives restarts);</li>
 *   <li>{@code execution}: how it ended, "completed" or "failed";</li>
 *   <li>{@code execution_refused}: a token that was not honoured, and why;</li>
 *   <li>{@code validation}: the cloud's later check of an answer given while the cloud was unreachable;</li>
 *   <li>{@code late_answer}: a cloud answer that came after the latency budget, when the on-device model had
 *       answered instead.</li>
 * </ul>
 */
public final class ExecutionRecords {
    private final DecisionStore log;
    private final TextHmac hmac;

    public ExecutionRecords(DecisionStore log, TextHmac hmac) {
        this.log = log;
        this.hmac = hmac;
    }

    /**
     * Appends the claim of a token; the returned future completes when it is durable (so the caller can prepare
     * the execution meanwhile) and fails with {@link DecisionLogUnavailableException} if it cannot be.
     */
    CompletableFuture<Void> started(String decisionId, String application, Instant tokenExpiry) {
        return log.append(new ExecutionStarted(decisionId, application, tokenExpiry.toString()))
                .handle((appended, failure) -> {
                    if (failure != null) {
                        throw new DecisionLogUnavailableException(failure);
                    }
                    return null;
                });
    }

    /** @param decisionId null when the token was unreadable */
    void refused(String decisionId, String application, Refusal.Kind problem) {
        DurableAppend.append(log, new ExecutionRefusal(decisionId, application, problem.wire()));
    }

    /** The record of a completed execution, and the log's time on it. */
    record Completed(ExecutionOutcome outcome, String time) {
    }

    /** @param held whether the answer is held for a reviewer rather than given */
    Completed completed(String application, Execution execution, Answer answer, Map<String, Integer> maskedEntities,
                        long latencyNanos, boolean held) {
        ExecutionOutcome outcome = new ExecutionOutcome(execution.decisionId(), application,
                ExecutionOutcome.COMPLETED, execution.destination(), execution.strategy(), execution.escalated(),
                execution.confidence(), execution.promptTokens(), execution.completionTokens(),
                answer.cloudTokensSent(), maskedEntities, latencyNanos / 1_000_000, answer.modelNanos() / 1_000_000,
                execution.humanOversight(), execution.disclosure() != null, execution.finishReason(),
                hmac.of(execution.content()), answer.validationQueued() ? true : null, null,
                answer.cloudDestination(), answer.cloudLegRan() ? answer.cloudTokensIn() : null,
                answer.cloudLegRan() ? answer.cloudTokensOut() : null, held ? true : null, answer.agreement());
        return new Completed(outcome, DurableAppend.append(log, outcome).time());
    }

    void failed(String decisionId, String application, String destination, Refusal.Kind problem, long latencyNanos) {
        DurableAppend.append(log, ExecutionOutcome.failed(decisionId, application, destination, problem.wire(),
                latencyNanos / 1_000_000));
    }

    void late(String decisionId, String destination, String cloudAnswer, long latencyNanos) {
        DurableAppend.append(log, new LateAnswerRecord(decisionId, destination, latencyNanos / 1_000_000,
                hmac.of(cloudAnswer)));
    }

    /** A validation record, durable, and the log's time on it. */
    record Validated(ValidationRecord record, String time) {
    }

    /** The cloud answered the validation: it agreed, or {@code cloudAnswer} is its correction. */
    Validated validated(PendingValidation validation, boolean agrees, String cloudAnswer, int tokensIn,
                        int tokensOut) {
        return append(new ValidationRecord(validation.decisionId(), validation.destination(),
                agrees ? ValidationRecord.AGREES : ValidationRecord.CORRECTED, hmac.of(cloudAnswer), validation.id(),
                validation.application(), validation.attempts() + 1, null, tokensIn, tokensOut));
    }

    /** The validation failed its last attempt ({@code attempted} counts it) and is set aside. */
    Validated validationFailed(PendingValidation attempted, String problem) {
        return append(new ValidationRecord(attempted.decisionId(), attempted.destination(), ValidationRecord.FAILED,
                null, attempted.id(), attempted.application(), attempted.attempts(), problem, null, null));
    }

    private Validated append(ValidationRecord record) {
        return new Validated(record, DurableAppend.append(log, record).time());
    }
}
