package dev.tollgate.execute.offline;

import dev.tollgate.decision.DecideRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An on-device answer given while the cloud was unreachable, waiting for the cloud model to validate it.
 *
 * @param id             the entry's id, also its file name in the queue: letters, digits, '-' and '_'
 * @param decisionId     the decision the answer was given under
 * @param application    the application the answer was given to; null in entries queued before it was kept
 * @param destination    the cloud destination that is to validate it
 * @param maskedMessages the prompt, already masked as the decision's cloud obligations require
 * @param draft          the on-device model's answer
 * @param attempts       calls to the cloud that failed so far
 * @param nextAttemptAt  not to be tried before then
 */
public record PendingValidation(String id, String decisionId, String application, String destination,
                                List<DecideRequest.Message> maskedMessages, String draft, Instant queuedAt,
                                int attempts, Instant nextAttemptAt) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    static final Comparator<PendingValidation> OLDEST_FIRST = Comparator.comparing(PendingValidation::queuedAt)
            .thenComparing(PendingValidation::id);

    public PendingValidation {
        requireValidId(id);
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(destination, "destination");
        maskedMessages = List.copyOf(maskedMessages);
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** A new entry, to be tried at once. */
    public PendingValidation(String id, String decisionId, String application, String destination,
                             List<DecideRequest.Message> maskedMessages, String draft, Instant queuedAt) {
        this(id, decisionId, application, destination, maskedMessages, draft, queuedAt, 0, queuedAt);
    }

    /** The entry after one more failed attempt, not to be tried again before {@code next}. */
    public PendingValidation failedOnce(Instant next) {
        return new PendingValidation(id, decisionId, application, destination, maskedMessages, draft, queuedAt,
                attempts + 1, next);
    }

    /**
     * When the entry may be attempted. A new entry waits the first wait too: its execution's record is appended just
     * after it was queued, and the validation's record must not come before it in the log.
     */
    public Instant dueAt(Duration firstWait) {
        return attempts == 0 ? queuedAt.plus(firstWait) : nextAttemptAt;
    }

    /** Whether the text could be a validation's id. */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static String requireValidId(String id) {
        if (!validId(id)) {
            throw new IllegalArgumentException("a validation id is 1 to 128 letters, digits, '-' or '_'");
        }
        return id;
    }

    /** Without the prompt or the draft: this may end up in a log. */
    @Override
    public String toString() {
        return "PendingValidation[id=" + id + ", decisionId=" + decisionId + ", destination=" + destination
                + ", application=" + application + ", messages=" + maskedMessages.size() + ", queuedAt=" + queuedAt
                + ", attempts=" + attempts + "]";
    }
}
