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
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a log line into its record in one streaming pass, binding each top-level object or array (a decision's facts,
 * outcome, versions, findings) only once per distinct bytes: the records of a log repeat them. The pass checks what
 * the binding of the whole line would (one JSON object, no field twice in any object, nothing after it); the record
 * is built with its canonical constructor from the top-level values as Jackson binds them into its components, so
 * it equals the record bound from the whole line without Jackson's data binding of every line. Any line this does
 * not read (another type, a newer format, a part that does not bind) is left to the caller's full parse, which also
 * words its failure. One reader per thread.
 */
final class RepeatedPartsReader {
    /** The top-level fields kept as they are, for the checks that read them. */
    static final Set<String> KEPT = Set.of("seq", "prev_hash", "type", "time", "decision_id", "format");
    private static final int REMEMBERED = 1024;
    private static final Map<String, RecordShape> SHAPES = shapes();

    private final Map<Part, Object> bound = new HashMap<>();

    /** What the line holds, or empty when the caller must parse it in full. */
    Optional<CheckedLine> read(LogLine line) {
        byte[] bytes = line.bytes();
        ObjectNode fields = Json.MAPPER.createObjectNode();
        List<TopField> top = new ArrayList<>(16);
        try (JsonParser parser = Json.MAPPER.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Names names = new Names();
            names.open();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                names.add(name);
                JsonToken value = parser.nextToken();
                int start = (int) parser.currentTokenLocation().getByteOffset();
                String text = null;
                if (value.isScalarValue()) {
                    if (KEPT.contains(name)) {
                        fields.set(name, value(parser));
                    }
                    if (value == JsonToken.VALUE_STRING) {
                        text = parser.getText();
                    }
                } else {
                    skipChecked(parser, names);
                }
                top.add(new TopField(name, value, text, start, (int) parser.currentLocation().getByteOffset()));
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        RecordShape shape = SHAPES.get(fields.path("type").asText());
        if (shape == null || fields.path("format").asInt(0) > LogRecord.FORMAT) {
            return Optional.empty();
        }
        try {
            return shape.build(bytes, top, this).map(record -> new CheckedLine(line.file(), line.lineNumber(),
                    fields, HashChain.unseal(bytes), Optional.of(record), null));
        } catch (IOException | RuntimeException | ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /** The value of an object or array as its record component binds it, bound once per distinct bytes. */
    private Object part(RecordShape shape, TopField field, ObjectReader reader, byte[] line) throws IOException {
        Part key = new Part(shape, field.name(), line, field.start(), field.end());
        Object value = bound.get(key);
        if (value == null) {
            value = reader.readValue(line, field.start(), field.end() - field.start());
            if (bound.size() == REMEMBERED) {
                bound.clear();
            }
            bound.put(key.copy(), value);
        }
        return value;
    }

    /** Skips the object or array the parser is on, failing on a field name given twice in one of its objects. */
    private static void skipChecked(JsonParser parser, Names names) throws IOException {
        int depth = 0;
        JsonToken token = parser.currentToken();
        do {
            switch (token) {
                case START_OBJECT -> {
                    names.open();
                    depth++;
                }
                case START_ARRAY -> depth++;
                case END_OBJECT -> {
                    names.close();
                    depth--;
                }
                case END_ARRAY -> depth--;
                case FIELD_NAME -> names.add(parser.currentName());
                default -> {
                }
            }
        } while (depth > 0 && (token = parser.nextToken()) != null);
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

    /** The field names of each open object, to find one given twice. */
    private static final class Names {
        private final List<String> names = new ArrayList<>();
        private int[] starts = new int[8];
        private int open;

        void open() {
            if (open == starts.length) {
                starts = Arrays.copyOf(starts, open * 2);
            }
            starts[open++] = names.size();
        }

        void close() {
            open--;
            names.subList(starts[open], names.size()).clear();
        }

        void add(String name) {
            for (int i = starts[open - 1]; i < names.size(); i++) {
                if (names.get(i).equals(name)) {
                    throw new IllegalArgumentException("a field given twice");
                }
            }
            names.add(name);
        }
    }

    /**
     * A top-level field: its value's first token, its text when a string, and its bytes from the first to just after
     * the last.
     */
    private record TopField(String name, JsonToken token, String text, int start, int end) {
    }

    /** A part's bytes where they lie; a remembered part holds its own copy. */
    private static final class Part {
        private final RecordShape shape;
        private final String field;
        private final byte[] bytes;
        private final int from;
        private final int to;
        private final int hash;

        Part(RecordShape shape, String field, byte[] bytes, int from, int to) {
            this(shape, field, bytes, from, to, hash(bytes, from, to) * 31 + field.hashCode());
        }

        private Part(RecordShape shape, String field, byte[] bytes, int from, int to, int hash) {
            this.shape = shape;
            this.field = field;
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            this.hash = hash;
        }

        Part copy() {
            return new Part(shape, field, Arrays.copyOfRange(bytes, from, to), 0, to - from, hash);
        }

        /** From at most 64 of the bytes, spread over the part: equals compares them all. */
        private static int hash(byte[] bytes, int from, int to) {
            int h = to - from;
            int step = Math.max(1, (to - from) / 64);
            for (int i = from; i < to; i += step) {
                h = 31 * h + bytes[i];
            }
            return h;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Part part && part.hash == hash && part.shape == shape && part.field.equals(field)
                    && Arrays.equals(bytes, from, to, part.bytes, part.from, part.to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A record type's components by their field names, and how to bind and build it. */
    private static final class RecordShape {
        private final RecordComponent[] components;
        private final Map<String, Integer> index = new HashMap<>();
        private final ObjectReader[] readers;
        private final Constructor<? extends LogRecord> canonical;

        RecordShape(Class<? extends LogRecord> type) throws NoSuchMethodException {
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
        Optional<LogRecord> build(byte[] line, List<TopField> fields, RepeatedPartsReader reader)
                throws IOException, ReflectiveOperationException {
            Object[] values = new Object[components.length];
            boolean[] given = new boolean[components.length];
            for (TopField field : fields) {
                Integer component = index.get(field.name());
                if (component == null) {
                    continue;
                }
                Class<?> type = components[component].getType();
                JsonToken token = field.token();
                if (token == JsonToken.VALUE_STRING && type == String.class) {
                    values[component] = field.text();
                } else if (token == JsonToken.VALUE_NULL && !type.isPrimitive()) {
                    values[component] = null;
                } else if (token.isStructStart()) {
                    values[component] = reader.part(this, field, readers[component], line);
                } else {
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
    }

    private static Map<String, RecordShape> shapes() {
        Map<String, RecordShape> shapes = new HashMap<>();
        for (JsonSubTypes.Type subtype : LogRecord.class.getAnnotation(JsonSubTypes.class).value()) {
            try {
                shapes.put(subtype.name(), new RecordShape(subtype.value().asSubclass(LogRecord.class)));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a log record type without its canonical constructor", e);
            }
        }
        return Map.copyOf(shapes);
    }
}
