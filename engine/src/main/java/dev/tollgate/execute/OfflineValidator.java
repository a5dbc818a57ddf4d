package dev.tollgate.execute;

import dev.tollgate.audit.DecisionLogUnavailableException;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.execute.offline.PendingValidation;
import dev.tollgate.execute.offline.ValidationRetry;
import dev.tollgate.execute.usage.UsageLedger;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the cloud validations queued while the cloud was unreachable, once it answers again: the cloud checks the
 * on-device answer (as draft_verify would have) and the verdict is logged as a {@code validation} record linked to
 * the decision. An entry leaves the queue only after its record is durable; the circuit breaker keeps an
 * unreachable cloud from being called on every round.
 * <p>
 * A call that fails (a refused key, a server error, no connection) is one failed attempt: the entry waits, the
 * longer the more attempts failed ({@link ValidationRetry}), and once they run out it is set aside as failed, with a
 * {@code validation} record (verdict {@code failed}) and {@code tollgate_validations_failed_total}. A round skipped
 * because the circuit is open is no attempt.
 */
public final class OfflineValidator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OfflineValidator.class.getName());

    private final Validations validations;
    private final ExecutorRegistry executors;
    private final ExecutionRecords records;
    private final UsageLedger usage;
    private final ValidationMetrics metrics;
    private final int maxTokens;
    private final ValidationRetry retry;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("offline-validator").daemon().factory());

    public OfflineValidator(Validations validations, ExecutorRegistry executors, ExecutionRecords records,
                            UsageLedger usage, ValidationMetrics metrics, int maxTokens, ValidationRetry retry,
                            Clock clock) {
        this.validations = validations;
        this.executors = executors;
        this.records = records;
        this.usage = usage;
        this.metrics = metrics;
        this.maxTokens = maxTokens;
        this.retry = retry;
        this.clock = clock;
    }

    /** Looks at the queue every {@code interval}; entries that failed before wait for their own time. */
    public void start(Duration interval) {
        timer.scheduleWithFixedDelay(this::drainQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Validates what is due and can be validated now, oldest first (in a shared store: what this replica claimed);
     * returns how many validations ended.
     */
    public int drain() throws IOException {
        int ended = 0;
        for (PendingValidation pending : validations.queue().claimDue(clock.instant(), retry.first())) {
            if (attempt(pending)) {
                ended++;
            }
        }
        return ended;
    }

    /** True when the validation ended: the cloud answered, or it failed for the last time. */
    private boolean attempt(PendingValidation pending) throws IOException {
        Optional<Executor> cloud = executors.executor(pending.destination());
        Optional<CircuitBreaker> breaker = executors.breaker(pending.destination());
        if (cloud.isEmpty() || (breaker.isPresent() && !breaker.get().allowRequest())) {
            validations.queue().release(pending.id());
            return false;
        }
        List<Message> sent = VerifyPrompt.of(pending.maskedMessages(), pending.draft());
        Generation verdict;
        try {
            verdict = cloud.get().generate(new GenerationRequest(sent, maxTokens));
            breaker.ifPresent(CircuitBreaker::onSuccess);
        } catch (ExecutorException e) {
            breaker.ifPresent(e.unreachable() ? CircuitBreaker::onFailure : CircuitBreaker::onSuccess);
            return failed(pending, e);
        }
        boolean agrees = VerifyPrompt.approves(verdict.text());
        ended(records.validated(pending, agrees, verdict.text(), CloudTokens.of(sent),
                CloudTokens.of(verdict.text())), agrees ? null : verdict.text());
        metrics.validated(pending.destination(), agrees);
        return true;
    }

    private boolean failed(PendingValidation pending, ExecutorException e) throws IOException {
        PendingValidation attempted = pending.failedOnce(clock.instant().plus(retry.after(pending.attempts() + 1)));
        String problem = e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!retry.exhausted(attempted.attempts())) {
            validations.retryLater(attempted);
            LOG.log(Level.INFO, "validation " + pending.id() + " of decision " + pending.decisionId() + ": attempt "
                    + attempted.attempts() + " failed (" + problem + "), next at " + attempted.nextAttemptAt());
            return false;
        }
        ended(records.validationFailed(attempted, problem), null);
        metrics.failed(pending.destination());
        LOG.log(Level.WARNING, "validation " + pending.id() + " of decision " + pending.decisionId() + " failed "
                + attempted.attempts() + " times (last: " + problem + "); set aside as failed");
        return true;
    }

    private void ended(ExecutionRecords.Validated validated, String correction) throws IOException {
        validations.ended(validated.record(), correction);
        usage.add(validated.time(), validated.record());
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (IOException | DecisionLogUnavailableException e) {
            LOG.log(Level.WARNING, "validation queue: round failed, retrying later: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
