package dev.tollgate.execute;

import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.execute.offline.PendingValidation;
import dev.tollgate.execute.offline.ValidationQueue;
import dev.tollgate.execute.offline.ValidationStatus;
import dev.tollgate.execute.offline.ValidationStatuses;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The offline answers' cloud validations as their callers see them: the durable queue, where each stands, and the
 * cloud's corrections restored for the caller.
 * <p>
 * A correction is masked text (the cloud never saw the values); only the request's masking session can restore
 * it, and that session is kept here, in memory, from the moment the validation is queued until it ends (at most
 * {@code capacity} of them). The restored correction is then kept in {@link KeptAnswers}. Neither reaches disk: after
 * a restart, or for a validation queued while the store was full, the correction cannot be restored and the caller
 * is told so.
 */
public final class Validations {
    private final ValidationQueue queue;
    private final ValidationStatuses statuses;
    private final KeptAnswers corrections;
    private final int capacity;
    private final Consumer<ValidationStatus> onEnded;
    private final Map<String, UnaryOperator<String>> restorers = new ConcurrentHashMap<>();

    /** What the caller may see of one of its validations. */
    public record View(ValidationStatus status, Optional<String> correctedAnswer) {
    }

    /** @param onEnded told of every validation that ended, once its record is durable (a webhook) */
    public Validations(ValidationQueue queue, ValidationStatuses statuses, KeptAnswers corrections, int capacity,
                       Consumer<ValidationStatus> onEnded) {
        this.queue = queue;
        this.statuses = statuses;
        this.corrections = corrections;
        this.capacity = capacity;
        this.onEnded = onEnded;
    }

    ValidationQueue queue() {
        return queue;
    }

    /** Queues the entry durably, keeping {@code restore} to restore the cloud's correction for the caller. */
    void enqueue(PendingValidation entry, UnaryOperator<String> restore) throws IOException {
        if (restorers.size() < capacity) {
            restorers.put(entry.id(), restore);
        }
        statuses.queued(entry);
        try {
            queue.enqueue(entry);
        } catch (IOException | RuntimeException e) {
            restorers.remove(entry.id());
            statuses.forget(entry.id());
            throw e;
        }
    }

    /** The entry after a failed attempt, to be tried again later. */
    void retryLater(PendingValidation entry) throws IOException {
        queue.update(entry);
        statuses.queued(entry);
    }

    /**
     * The validation's record is durable: a correction ({@code cloudAnswer}, masked; null for a failure) is restored
     * and kept, the entry leaves the queue, and whoever waits for the end is told.
     */
    void ended(ValidationRecord record, String cloudAnswer) throws IOException {
        UnaryOperator<String> restore = restorers.remove(record.validationId());
        if (restore != null && ValidationRecord.CORRECTED.equals(record.verdict())) {
            corrections.keep(record.validationId(), restore.apply(cloudAnswer));
        }
        statuses.ended(record);
        queue.done(record.validationId());
        statuses.find(record.validationId()).ifPresent(onEnded);
    }

    /** The application's own validation; empty for an id unknown or another application's. */
    public Optional<View> find(String application, String id) {
        return statuses.find(id).filter(status -> application.equals(status.application()))
                .map(status -> new View(status, status.state() == ValidationStatus.State.DISAGREED
                        ? corrections.find(id) : Optional.empty()));
    }
}
