package dev.tollgate.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A log line as verify checks it, worked out from its bytes alone, so that lines can be checked on several threads
 * and only the order-dependent checks (seq, prev_hash, linkage) wait for the lines before: valid UTF-8, one JSON
 * object (no duplicate keys, nothing after it), its hash recomputed over the stored bytes, and the record it holds.
 * No JSON tree of the whole line is built: a line of a record type is checked and read into its record straight
 * from the bytes ({@link RepeatedPartsReader}), keeping the few top-level fields the checks read.
 *
 * @param fields     the top-level fields seq, prev_hash, type, time, decision_id and format, where present
 * @param sealed     empty when the line does not end with the hash field
 * @param record     the record the line holds; empty for a type no record stands for or an unreadable one
 * @param unreadable why a line that names a record type cannot be read as it; null otherwise
 */
public record CheckedLine(Path file, long lineNumber, ObjectNode fields, Optional<HashChain.Sealed> sealed,
                          Optional<LogRecord> record, String unreadable) {
    private static final ThreadLocal<RepeatedPartsReader> READERS = ThreadLocal.withInitial(RepeatedPartsReader::new);

    /** @throws LogFormatException when the line is not UTF-8 or not one JSON object */
    public static CheckedLine check(LogLine line) {
        Optional<CheckedLine> read = READERS.get().read(line);
        if (read.isPresent()) {
            return read.get();
        }
        // Not a readable record of a known type: the line is checked and parsed again, which words what is wrong.
        Path file = line.file();
        byte[] bytes = line.bytes();
        if (!validUtf8(bytes)) {
            throw new LogFormatException(file, line.lineNumber(), "not valid UTF-8");
        }
        ObjectNode fields = topLevelFields(line);
        Optional<LogRecord> record = Optional.empty();
        String unreadable = null;
        try {
            record = LogRecord.read(fields, bytes);
        } catch (LogRecord.UnreadableRecord e) {
            unreadable = e.getMessage();
        }
        return new CheckedLine(file, line.lineNumber(), fields, HashChain.unseal(bytes), record, unreadable);
    }

    private static JsonParser parser(byte[] bytes) throws IOException {
        return Json.MAPPER.createParser(bytes).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static ObjectNode topLevelFields(LogLine line) {
        ObjectNode fields = Json.MAPPER.createObjectNode();
        try (JsonParser parser = parser(line.bytes())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new LogFormatException(line.file(), line.lineNumber(), "not valid JSON (expected an object)");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (RepeatedPartsReader.KEPT.contains(name)) {
                    fields.set(name, RepeatedPartsReader.value(parser));
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new LogFormatException(line.file(), line.lineNumber(), "not valid JSON (trailing content)");
            }
        } catch (JsonProcessingException e) {
            // The parser's message quotes record content, which must not travel further.
            String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            throw new LogFormatException(line.file(), line.lineNumber(), "not valid JSON" + where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    private static boolean validUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
