package dev.tollgate.audit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * What a line of the decision log holds: one record type per kind of line, the only thing writers append and
 * readers read. Each line names its type ({@code type}) and the format it was written in ({@code format});
 * lines written before the format was named have none and read as format 0, which has the same fields.
 * The log adds {@code seq}, {@code time}, {@code prev_hash} and {@code hash} around the record (docs/audit.md).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DecisionRecord.class, name = "decision"),
        @JsonSubTypes.Type(value = ExecutionStarted.class, name = "execution_started"),
        @JsonSubTypes.Type(value = ExecutionOutcome.class, name = "execution"),
        @JsonSubTypes.Type(value = ExecutionRefusal.class, name = "execution_refused"),
        @JsonSubTypes.Type(value = ValidationRecord.class, name = "validation"),
        @JsonSubTypes.Type(value = LateAnswerRecord.class, name = "late_answer"),
        @JsonSubTypes.Type(value = ReviewRecord.class, name = "review")})
public sealed interface LogRecord permits DecisionRecord, ExecutionStarted, ExecutionOutcome, ExecutionRefusal,
        ValidationRecord, LateAnswerRecord, ReviewRecord {
    /** The format this code writes; a reader takes every format up to it. */
    int FORMAT = 1;
    Set<String> TYPES = Set.of("decision", "execution_started", "execution", "execution_refused", "validation",
            "late_answer", "review");

    /** The decision the record is about; null only for a refusal of a token that could not be read. */
    String decisionId();

    /** The record as the log appends it: its fields, its type and the format. */
    static ObjectNode toJson(LogRecord record) {
        ObjectNode json = Json.MAPPER.valueToTree(record);
        json.put("format", FORMAT);
        return json;
    }

    /**
     * The record a line holds; empty for a type no record stands for (such lines take no part in linkage).
     *
     * @throws UnreadableRecord when the line names a known type but its fields do not fit it, or a newer format
     */
    static Optional<LogRecord> read(ObjectNode line) {
        return read(line, line.traverse(Json.MAPPER));
    }

    /**
     * The same from the line's bytes, without a JSON tree of the line.
     *
     * @param fields the line's top-level type and format (other fields may be there)
     * @param line   a line known to be one JSON object
     */
    static Optional<LogRecord> read(ObjectNode fields, byte[] line) {
        try {
            return read(fields, Json.MAPPER.createParser(line).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<LogRecord> read(ObjectNode fields, JsonParser source) {
        if (!TYPES.contains(fields.path("type").asText())) {
            return Optional.empty();
        }
        if (fields.path("format").asInt(0) > FORMAT) {
            throw new UnreadableRecord("written in format " + fields.path("format").asInt() + ", newer than "
                    + FORMAT + ": read it with a newer Tollgate");
        }
        try (source) {
            return Optional.of(Json.MAPPER.readValue(source, LogRecord.class));
        } catch (JsonProcessingException e) {
            throw new UnreadableRecord("its fields do not fit its type: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line that names a record type and cannot be read as it. */
    final class UnreadableRecord extends RuntimeException {
        UnreadableRecord(String reason) {
            super(reason);
        }
    }
}
