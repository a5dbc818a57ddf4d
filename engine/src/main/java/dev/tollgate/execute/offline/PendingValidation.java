package dev.tollgate.execute.offline;

import dev.tollgate.decision.DecideRequest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An on-device answer given while the cloud was unreachable, waiting for the cloud model to validate it.
 *
 * @param id             the entry's id, also its file name in the queue: letters, digits, '-' and '_'
 * @param decisionId     the decision the answer was given under
 * @param destination    the cloud destination that is to validate it
 * @param maskedMessages the prompt, already masked as the decision's cloud obligations require
 * @param draft          the on-device model's answer
 */
public record PendingValidation(String id, String decisionId, String destination,
                                List<DecideRequest.Message> maskedMessages, String draft, Instant queuedAt) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

    public PendingValidation {
        requireValidId(id);
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(destination, "destination");
        maskedMessages = List.copyOf(maskedMessages);
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(queuedAt, "queuedAt");
    }

    static String requireValidId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a validation id is 1 to 128 letters, digits, '-' or '_'");
        }
        return id;
    }

    /** Without the prompt or the draft: this may end up in a log. */
    @Override
    public String toString() {
        return "PendingValidation[id=" + id + ", decisionId=" + decisionId + ", destination=" + destination
                + ", messages=" + maskedMessages.size() + ", queuedAt=" + queuedAt + "]";
    }
}
