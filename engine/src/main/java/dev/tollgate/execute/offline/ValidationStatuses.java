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
import java.util.function.Function;

/**
 * Every validation with an id and where it stands: the ended ones rebuilt from the decision log's
 * {@code validation} records at start, the queued ones from the queue's entries; afterwards it is told of each
 * validation queued, attempted and ended. One small entry per validation; validations are rare (only answers
 * given while the cloud was unreachable). With a shared store, what this service has not seen end is asked there.
 */
public final class ValidationStatuses {
    private final Map<String, ValidationStatus> byId = new ConcurrentHashMap<>();
    private final Function<String, Optional<ValidationStatus>> shared;

    /** Only what this service is told. */
    public ValidationStatuses() {
        this(id -> Optional.empty());
    }

    /**
     * @param shared where the store that replicas share says a validation stands, asked for every validation this
     *               service has not seen end: another replica may have queued or ended it
     */
    public ValidationStatuses(Function<String, Optional<ValidationStatus>> shared) {
        this.shared = shared;
    }

    /** The ended validations the log holds; add the queued ones with {@link #queuedIn}. */
    public static ValidationStatuses fromLog(Path logDir) throws IOException {
        return fromLog(logDir, new ValidationStatuses());
    }

    /** The same, into statuses. */
    public static ValidationStatuses fromLog(Path logDir, ValidationStatuses statuses) throws IOException {
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
        ValidationStatus known = byId.get(id);
        if (known != null && known.state() != ValidationStatus.State.QUEUED) {
            return Optional.of(known);
        }
        return shared.apply(id).or(() -> Optional.ofNullable(known));
    }
}
