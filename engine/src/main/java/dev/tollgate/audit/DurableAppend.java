package dev.tollgate.audit;

import java.util.concurrent.CompletionException;

/** Appends a record and waits until it is on disk: what every caller that answers after logging needs. */
public final class DurableAppend {
    private DurableAppend() {
    }

    /** @throws DecisionLogUnavailableException if the record could not be made durable */
    public static DecisionLog.Appended append(DecisionStore log, LogRecord record) {
        try {
            return log.append(record).join();
        } catch (CompletionException e) {
            throw new DecisionLogUnavailableException(e.getCause() == null ? e : e.getCause());
        }
    }
}
