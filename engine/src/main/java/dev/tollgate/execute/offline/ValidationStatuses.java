package dev.tollgate.execute.offline;

import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.SegmentIndex;
import dev.tollgate.audit.ValidationRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every validation with an id and where it stands: the queued ones from the queue's entries, the ended ones from the
 * decision log's {@code validation} records (those of the current segment read at start, those of older segments
 * looked up when asked); afterwards it is told of each validation queued, attempted and ended. One small entry per
 * validation held; validations are rare (only answers given while the cloud was unreachable). With a shared store,
 * what this service has not seen end is asked there.
 */
public final class ValidationStatuses {
    private final Map<String, ValidationStatus> byId = new ConcurrentHashMap<>();
    private final Function<String, Optional<ValidationStatus>> shared;
    private volatile SealedLookup sealed = id -> Optional.empty();

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

    /** The validations that ended in the log; add the queued ones with {@link #queuedIn}. */
    public static ValidationStatuses fromLog(Path logDir) throws IOException {
        return fromLog(logDir, new ValidationStatuses());
    }

    /**
     * The same, into statuses: it holds those that ended in the current segment, indexing the sealed segments that
     * have no line yet, and looks the others up in the log when asked ({@link ValidationIndex}).
     */
    public static ValidationStatuses fromLog(Path logDir, ValidationStatuses statuses) throws IOException {
        if (Files.isDirectory(logDir)) {
            SegmentIndex<Set<String>> index = ValidationIndex.of(logDir);
            index.complete(ValidationIndex::ids);
            try (LogReader reader = LogReader.openFrom(logDir, index.current())) {
                ValidationIndex.each(reader, statuses::ended);
            }
            statuses.sealed = id -> ValidationIndex.find(logDir, id);
        }
        return statuses;
    }

    /** Indexes the validations of the log's sealed segments that have no line yet: for {@link DecisionLog#afterSeal}. */
    public static void indexSealed(Path logDir) throws IOException {
        ValidationIndex.of(logDir).complete(ValidationIndex::ids);
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

    /** How many validations it holds in memory. */
    int held() {
        return byId.size();
    }

    public Optional<ValidationStatus> find(String id) {
        ValidationStatus known = byId.get(id);
        if (known != null && known.state() != ValidationStatus.State.QUEUED) {
            return Optional.of(known);
        }
        return shared.apply(id).or(() -> Optional.ofNullable(known)).or(() -> endedInSealedSegment(id));
    }

    private Optional<ValidationStatus> endedInSealedSegment(String id) {
        try {
            return sealed.find(id).map(ValidationStatus::ended);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a validation that ended in a segment sealed before the start is looked up. */
    @FunctionalInterface
    private interface SealedLookup {
        Optional<ValidationRecord> find(String id) throws IOException;
    }
}
