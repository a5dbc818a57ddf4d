package dev.tollgate.execute.offline;

import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.ValidationRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every validation with an id and where it stands: the ended ones rebuilt from the decision log's
 * {@code validation} records at start, the queued ones from the queue's entries; afterwards it is told of each
 * validation queued, attempted and ended. One small entry per validation; validations are rare (only answers
 * given while the cloud was unreachable).
 */
public final class ValidationStatuses {
    private final Map<String, ValidationStatus> byId = new ConcurrentHashMap<>();

    /** The ended validations the log holds; add the queued ones with {@link #queuedIn}. */
    public static ValidationStatuses fromLog(Path logDir) throws IOException {
        ValidationStatuses statuses = new ValidationStatuses();
        if (Files.isDirectory(logDir)) {
            try (LogReader reader = LogReader.open(logDir)) {
                while (reader.hasNext()) {
                    if (LogRecord.read(reader.next().json()).orElse(null) instanceof ValidationRecord validation) {
                        statuses.ended(validation);
                    }
                }
            }
        }
        return statuses;
    }

    /** Every entry of the queue, as queued. */
    public ValidationStatuses queuedIn(ValidationQueue queue) throws IOException {
        queue.pending().forEach(this::queued);
        return this;
    }

    /** Queued, or attempted and still queued. */
    public void queued(PendingValidation entry) {
        byId.put(entry.id(), ValidationStatus.queued(entry));
    }

    /** Its record is durable. */
    public void ended(ValidationRecord record) {
        if (record.validationId() != null) {
            byId.put(record.validationId(), ValidationStatus.ended(record));
        }
    }

    /** A validation that could not be queued after all. */
    public void forget(String id) {
        byId.remove(id);
    }

    public Optional<ValidationStatus> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
