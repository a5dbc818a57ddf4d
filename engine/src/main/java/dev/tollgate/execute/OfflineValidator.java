package dev.tollgate.execute;

import dev.tollgate.audit.DecisionLogUnavailableException;
import dev.tollgate.execute.offline.PendingValidation;
import dev.tollgate.execute.offline.ValidationQueue;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the cloud validations queued while the cloud was unreachable, once it answers again: the cloud checks the
 * on-device answer (as draft_verify would have) and the verdict is logged as a {@code validation} record linked to
 * the decision. An entry leaves the queue only after its record is durable; the circuit breaker keeps an
 * unreachable cloud from being called on every round.
 */
public final class OfflineValidator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OfflineValidator.class.getName());

    private final ValidationQueue queue;
    private final ExecutorRegistry executors;
    private final ExecutionRecords records;
    private final int maxTokens;
    private final ValidationMetrics metrics;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("offline-validator").daemon().factory());

    public OfflineValidator(ValidationQueue queue, ExecutorRegistry executors, ExecutionRecords records,
                            int maxTokens, ValidationMetrics metrics) {
        this.queue = queue;
        this.executors = executors;
        this.records = records;
        this.maxTokens = maxTokens;
        this.metrics = metrics;
    }

    public void start(Duration interval) {
        timer.scheduleWithFixedDelay(this::drainQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Validates what it can now, oldest first; returns how many entries were validated. */
    public int drain() throws IOException {
        int validated = 0;
        for (PendingValidation pending : queue.pending()) {
            if (validate(pending)) {
                validated++;
            }
        }
        return validated;
    }

    private boolean validate(PendingValidation pending) throws IOException {
        Optional<Executor> cloud = executors.executor(pending.destination());
        Optional<CircuitBreaker> breaker = executors.breaker(pending.destination());
        if (cloud.isEmpty() || (breaker.isPresent() && !breaker.get().allowRequest())) {
            return false;
        }
        Generation verdict;
        try {
            verdict = cloud.get().generate(new GenerationRequest(
                    VerifyPrompt.of(pending.maskedMessages(), pending.draft()), maxTokens));
            breaker.ifPresent(CircuitBreaker::onSuccess);
        } catch (ExecutorException e) {
            if (e.unreachable()) {
                breaker.ifPresent(CircuitBreaker::onFailure);
            }
            LOG.log(Level.INFO, "validation of decision " + pending.decisionId() + " stays queued: " + e.kind());
            return false;
        }
        boolean agreed = VerifyPrompt.approves(verdict.text());
        records.validated(pending.decisionId(), pending.destination(), agreed, verdict.text());
        queue.done(pending.id());
        metrics.validated(pending.destination(), agreed);
        return true;
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
