package dev.tollgate.audit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tollgate.Json;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a log line into its record without Jackson's tokens: {@link JsonScanner} checks the line's bytes (one JSON
 * object in UTF-8, no field twice in any object, nothing after it) and a top-level object or array (a decision's
 * facts, outcome, versions, findings) whose bytes equal one seen before is neither scanned nor bound again: the
 * records of a log repeat them. The record is built with its canonical constructor from the top-level values as
 * Jackson binds them into its components, so it equals the record bound from the whole line. Any line this does not
 * read (another type, a newer format, a part that does not bind, bytes the scanner refuses) is left to the caller's
 * full parse, which also words its failure. One reader per thread.
 */
final class RepeatedPartsReader {
    /** The top-level fields kept as they are, for the checks that read them. */
    static final Set<String> KEPT = Set.of("seq", "prev_hash", "type", "time", "decision_id", "format");
    /** Longer lines are left to the full parse, which applies Jackson's limits to the length of a string. */
    private static final int LONGEST_LINE = 1 << 20;
    /** Distinct values remembered per field name, the most recently seen first. */
    private static final int REMEMBERED = 32;
    private static final int FIELDS_REMEMBERED = 64;
    /** Integers up to this many digits are read here; longer ones as Jackson reads them. */
    private static final int LONG_DIGITS = 18;
    private static final Map<String, RecordShape> SHAPES = shapes();

    private final JsonScanner scanner = new JsonScanner();
    private final Map<String, List<Part>> seen = new HashMap<>();

    /** What the line holds, or empty when the caller must parse it in full. */
    Optional<CheckedLine> read(LogLine line) {
        byte[] bytes = line.bytes();
        if (bytes.length > LONGEST_LINE) {
            return Optional.empty();
        }
        try {
            List<TopField> top = topLevel(bytes);
            if (top == null) {
                return Optional.empty();
            }
            ObjectNode fields = Json.MAPPER.createObjectNode();
            for (TopField field : top) {
                if (KEPT.contains(field.name())) {
                    fields.set(field.name(), field.node(bytes));
                }
            }
            RecordShape shape = SHAPES.get(fields.path("type").asText());
            if (shape == null || fields.path("format").asInt(0) > LogRecord.FORMAT) {
                return Optional.empty();
            }
            return shape.build(bytes, top).map(record -> new CheckedLine(line.file(), line.lineNumber(), fields,
                    HashChain.unseal(bytes), Optional.of(record), null));
        } catch (IOException | RuntimeException | ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /** The line's top-level fields in order, or null when the scanner refuses the line. */
    private List<TopField> topLevel(byte[] b) throws IOException {
        List<TopField> top = new ArrayList<>(16);
        int i = JsonScanner.skipSpace(b, 0);
        if (i >= b.length || b[i] != '{') {
            return null;
        }
        i = JsonScanner.skipSpace(b, i + 1);
        boolean more = i >= b.length || b[i] != '}';
        if (!more) {
            i++;
        }
        while (more) {
            int nameEnd = i < b.length && b[i] == '"' ? scanner.name(b, i) : JsonScanner.REFUSED;
            if (nameEnd == JsonScanner.REFUSED) {
                return null;
            }
            String name = new String(b, i + 1, nameEnd - i - 2, StandardCharsets.UTF_8);
            i = JsonScanner.skipSpace(b, nameEnd);
            if (named(top, name) || i >= b.length || b[i] != ':') {
                return null;
            }
            TopField field = field(name, b, JsonScanner.skipSpace(b, i + 1));
            if (field == null) {
                return null;
            }
            top.add(field);
            i = JsonScanner.skipSpace(b, field.end());
            more = i < b.length && b[i] == ',';
            if (!more && (i >= b.length || b[i] != '}')) {
                return null;
            }
            i = JsonScanner.skipSpace(b, i + 1);
        }
        return JsonScanner.skipSpace(b, i) == b.length ? top : null;
    }

    private static boolean named(List<TopField> top, String name) {
        for (TopField field : top) {
            if (field.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The field whose value starts at start, or null when the scanner refuses it. */
    private TopField field(String name, byte[] b, int start) throws IOException {
        if (start < b.length && (b[start] == '{' || b[start] == '[')) {
            Part part = part(name, b, start);
            return part == null ? null : new TopField(name, start, start + part.bytes.length, null, part);
        }
        int end = scanner.value(b, start);
        if (end == JsonScanner.REFUSED) {
            return null;
        }
        String text = null;
        if (b[start] == '"') {
            text = scanner.escaped() ? Json.MAPPER.readValue(b, start, end - start, String.class)
                    : new String(b, start + 1, end - start - 2, StandardCharsets.UTF_8);
        }
        return new TopField(name, start, end, text, null);
    }

    /** The object or array at start: one seen before under this name whose bytes are there, else scanned anew. */
    private Part part(String name, byte[] b, int start) {
        List<Part> parts = seen.get(name);
        if (parts == null) {
            if (seen.size() == FIELDS_REMEMBERED) {
                seen.clear();
            }
            parts = new ArrayList<>(REMEMBERED);
            seen.put(name, parts);
        }
        for (int k = 0; k < parts.size(); k++) {
            Part part = parts.get(k);
            int end = start + part.bytes.length;
            if (end <= b.length && Arrays.equals(b, start, end, part.bytes, 0, part.bytes.length)) {
                parts.addFirst(parts.remove(k));
                return part;
            }
        }
        int end = scanner.value(b, start);
        if (end == JsonScanner.REFUSED) {
            return null;
        }
        if (parts.size() == REMEMBERED) {
            parts.removeLast();
        }
        Part part = new Part(Arrays.copyOfRange(b, start, end));
        parts.addFirst(part);
        return part;
    }

    /** The value the parser is on, as a JSON tree would hold it. */
    static JsonNode value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return TextNode.valueOf(parser.getText());
        }
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return LongNode.valueOf(parser.getLongValue());
        }
        return parser.readValueAsTree();
    }

    /**
     * A top-level field and where its value lies; text is the value of a string, part the value of an object or
     * array.
     */
    private record TopField(String name, int start, int end, String text, Part part) {
        /** The value as {@link #value(JsonParser)} holds it. */
        JsonNode node(byte[] line) throws IOException {
            if (text != null) {
                return TextNode.valueOf(text);
            }
            int digits = end - start - (line[start] == '-' ? 1 : 0);
            if (digits <= LONG_DIGITS && part == null && isInteger(line)) {
                return LongNode.valueOf(Long.parseLong(new String(line, start, end - start,
                        StandardCharsets.US_ASCII)));
            }
            return Json.MAPPER.readTree(line, start, end - start);
        }

        private boolean isInteger(byte[] line) {
            for (int i = line[start] == '-' ? start + 1 : start; i < end; i++) {
                if (line[i] < '0' || line[i] > '9') {
                    return false;
                }
            }
            return true;
        }
    }

    /** A top-level object or array seen before: its bytes, and its value as each record type binds it. */
    private static final class Part {
        private final byte[] bytes;
        private final Object[] bound = new Object[SHAPES.size()];

        Part(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    /** A record type's components by their field names, and how to bind and build it. */
    private static final class RecordShape {
        private final int ordinal;
        private final RecordComponent[] components;
        private final Map<String, Integer> index = new HashMap<>();
        private final ObjectReader[] readers;
        private final Constructor<? extends LogRecord> canonical;

        RecordShape(int ordinal, Class<? extends LogRecord> type) throws NoSuchMethodException {
            this.ordinal = ordinal;
            this.components = type.getRecordComponents();
            this.readers = new ObjectReader[components.length];
            PropertyNamingStrategies.NamingBase naming = PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE;
            Class<?>[] parameters = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                index.put(naming.translate(components[i].getName()), i);
                readers[i] = Json.MAPPER.readerFor(Json.MAPPER.constructType(components[i].getGenericType()));
                parameters[i] = components[i].getType();
            }
            this.canonical = type.getDeclaredConstructor(parameters);
        }

        /**
         * The record from the line's top-level fields as Jackson binds them: a string into a String component as
         * it is, null as null, anything else with the component's reader. Empty when a primitive component is
         * missing (Jackson's default for it is left to the full parse).
         */
        Optional<LogRecord> build(byte[] line, List<TopField> fields)
                throws IOException, ReflectiveOperationException {
            Object[] values = new Object[components.length];
            boolean[] given = new boolean[components.length];
            for (TopField field : fields) {
                Integer component = index.get(field.name());
                if (component == null) {
                    continue;
                }
                Class<?> type = components[component].getType();
                if (field.text() != null && type == String.class) {
                    values[component] = field.text();
                } else if (field.part() != null) {
                    values[component] = bound(field.part(), component);
                } else if (line[field.start()] != 'n' || type.isPrimitive()) {
                    values[component] = readers[component].readValue(line, field.start(),
                            field.end() - field.start());
                }
                given[component] = true;
            }
            for (int i = 0; i < components.length; i++) {
                if (!given[i] && components[i].getType().isPrimitive()) {
                    return Optional.empty();
                }
            }
            return Optional.of(canonical.newInstance(values));
        }

        private Object bound(Part part, int component) throws IOException {
            if (part.bound[ordinal] == null) {
                part.bound[ordinal] = readers[component].readValue(part.bytes);
            }
            return part.bound[ordinal];
        }
    }

    private static Map<String, RecordShape> shapes() {
        Map<String, RecordShape> shapes = new HashMap<>();
        for (JsonSubTypes.Type subtype : LogRecord.class.getAnnotation(JsonSubTypes.class).value()) {
            try {
                shapes.put(subtype.name(), new RecordShape(shapes.size(),
                        subtype.value().asSubclass(LogRecord.class)));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a log record type without its canonical constructor", e);
            }
        }
        return Map.copyOf(shapes);
    }
}
