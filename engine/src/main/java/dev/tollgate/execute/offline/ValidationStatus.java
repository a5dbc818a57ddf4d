package dev.tollgate.execute.offline;

import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.terms.WireValue;

/**
 * Where one offline answer's cloud validation stands.
 *
 * @param application the application whose execution queued it, the only one that may see it (null: queued
 *                    before applications were kept, seen by none)
 * @param attempts    calls to the cloud that failed so far (queued), or that it took (ended)
 * @param problem     for a failed validation: the last attempt's problem
 */
public record ValidationStatus(String id, String application, String decisionId, State state, int attempts,
                               String problem) {

    public enum State implements WireValue {
        QUEUED, AGREED, DISAGREED, FAILED;

        static State of(ValidationRecord record) {
            return switch (record.verdict()) {
                case ValidationRecord.AGREES -> AGREED;
                case ValidationRecord.CORRECTED -> DISAGREED;
                default -> FAILED;
            };
        }
    }

    static ValidationStatus queued(PendingValidation entry) {
        return new ValidationStatus(entry.id(), entry.application(), entry.decisionId(), State.QUEUED,
                entry.attempts(), null);
    }

    static ValidationStatus ended(ValidationRecord record) {
        return new ValidationStatus(record.validationId(), record.application(), record.decisionId(),
                State.of(record), record.attempts() == null ? 0 : record.attempts(), record.problem());
    }
}
