package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.audit.LogEntry;
import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.LogRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file decision log as tests read it: record by record through the service's own {@link LogReader}, across its
 * segments, oldest first. A log directory that does not exist (yet) holds no records.
 */
public final class LoggedRecords {
    private LoggedRecords() {
    }

    public static List<LogEntry> entries(Path logDir) {
        if (!Files.exists(logDir)) {
            return List.of();
        }
        List<LogEntry> entries = new ArrayList<>();
        try (LogReader reader = LogReader.open(logDir)) {
            reader.forEachRemaining(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    public static List<ObjectNode> json(Path logDir) {
        return entries(logDir).stream().map(LogEntry::json).toList();
    }

    /** The records of a type ("decision", "execution", "review", ...). */
    public static List<JsonNode> ofType(Path logDir, String type) {
        return entries(logDir).stream().<JsonNode>map(LogEntry::json)
                .filter(json -> type.equals(json.path("type").asText())).toList();
    }

    /** The records read as what they are ({@link LogRecord#read}), those of one kind. */
    public static <T extends LogRecord> List<T> read(Path logDir, Class<T> kind) {
        return entries(logDir).stream().flatMap(entry -> LogRecord.read(entry.json()).stream())
                .filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Every record's line exactly as stored. */
    public static List<String> lines(Path logDir) {
        return entries(logDir).stream().map(LogEntry::line).toList();
    }

    /**
     * The stored lines of the log's records joined: what a check that no value was logged searches. It reads only
     * log records, through {@link LogReader}; no other file in the log directory.
     */
    public static String text(Path logDir) {
        return String.join("\n", lines(logDir));
    }
}
