package dev.tollgate.audit;

import dev.tollgate.terms.Refusal;

/** The decision (or an execution record) could not be made durable, so it must not be answered. */
public final class DecisionLogUnavailableException extends Refusal {
    public DecisionLogUnavailableException(Throwable cause) {
        super(Kind.DECISION_LOG_UNAVAILABLE, "The record could not be written durably, so nothing was done; retry later",
                null, cause);
    }
}
