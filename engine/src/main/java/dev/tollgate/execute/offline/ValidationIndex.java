package dev.tollgate.execute.offline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.audit.LogEntry;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.RecordTypes;
import dev.tollgate.audit.SegmentIndex;
import dev.tollgate.audit.ValidationRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The ids of the validations that ended in each sealed segment of a decision log, one JSON line per segment in
 * {@value #NAME} ({@link SegmentIndex}): a start holds only the validations of the current segment, and a validation
 * that ended in a sealed one is looked up when asked for, reading the one segment that holds it.
 */
final class ValidationIndex {
    static final String NAME = "validations.idx";
    private static final String VALIDATION = "validation";
    private static final TypeReference<Set<String>> IDS = new TypeReference<>() {
    };

    private ValidationIndex() {
    }

    static SegmentIndex<Set<String>> of(Path logDir) {
        return SegmentIndex.ofJson(logDir, NAME, IDS).reading(RecordTypes.of(VALIDATION));
    }

    /** The ids of the validation records among records. */
    static Set<String> ids(Iterator<LogEntry> records) {
        Set<String> ids = new LinkedHashSet<>();
        each(records, record -> ids.add(record.validationId()));
        return ids;
    }

    /** Every validation record with an id among records, in order; the other records are not deserialised. */
    static void each(Iterator<LogEntry> records, Consumer<ValidationRecord> action) {
        while (records.hasNext()) {
            ObjectNode json = records.next().json();
            if (VALIDATION.equals(json.path("type").asText())
                    && LogRecord.read(json).orElse(null) instanceof ValidationRecord validation
                    && validation.validationId() != null) {
                action.accept(validation);
            }
        }
    }

    /** The record of the validation that ended in a sealed segment of the log, read from that segment. */
    static Optional<ValidationRecord> find(Path logDir, String id) throws IOException {
        SegmentIndex<Set<String>> index = of(logDir);
        Optional<Long> segment = index.read().entrySet().stream().filter(e -> e.getValue().contains(id))
                .map(Map.Entry::getKey).max(Long::compare);
        if (segment.isEmpty()) {
            return Optional.empty();
        }
        return index.reread(segment.get(), records -> {
            ValidationRecord[] found = new ValidationRecord[1];
            each(records, record -> {
                if (record.validationId().equals(id)) {
                    found[0] = record;
                }
            });
            return Optional.ofNullable(found[0]);
        });
    }
}
