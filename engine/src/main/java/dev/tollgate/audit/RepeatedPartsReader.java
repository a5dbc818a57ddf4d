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
 * Reads a log line into its record in one streaming pass, binding each large top-level object or array (a decision's
 * facts, outcome, versions) only once per distinct bytes: the records of a log repeat them. The pass checks what the
 * binding of the whole line would (one JSON object, no field twice in any object, nothing after it); the record is
 * built from the line with those parts left out plus the parts bound before, so it equals the record bound from
 * the whole line. Any line this does not read (another type, a newer format, a part that does not bind) is left to
 * the caller's full parse, which also words its failure. One reader per thread.
 */
final class RepeatedPartsReader {
    /** The top-level fields kept as they are, for the checks that read them. */
    static final Set<String> KEPT = Set.of("seq", "prev_hash", "type", "time", "decision_id", "format");
    /** Smaller parts are bound with the rest of the line: looking them up would cost about as much. */
    private static final int LARGE = 64;
    private static final int REMEMBERED = 1024;
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final Map<String, RecordShape> SHAPES = shapes();
    private static final ObjectReader RECORDS = Json.MAPPER.readerFor(LogRecord.class);

    private final Map<Part, Object> bound = new HashMap<>();

    /** What the line holds, or empty when the caller must parse it in full. */
    Optional<CheckedLine> read(LogLine line) {
        byte[] bytes = line.bytes();
        ObjectNode fields = Json.MAPPER.createObjectNode();
        List<Span> parts = new ArrayList<>(4);
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
                if (value.isScalarValue()) {
                    if (KEPT.contains(name)) {
                        fields.set(name, value(parser));
                    }
                } else {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    skipChecked(parser, names);
                    int end = (int) parser.currentLocation().getByteOffset();
                    if (end - start >= LARGE) {
                        parts.add(new Span(name, start, end));
                    }
                }
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
            LogRecord record = shape.build(bytes, parts, this);
            return Optional.of(new CheckedLine(line.file(), line.lineNumber(), fields, HashChain.unseal(bytes),
                    Optional.of(record), null));
        } catch (IOException | RuntimeException | ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /** The value of a part as its record component binds it, bound once per distinct bytes. */
    private Object part(RecordShape shape, String field, ObjectReader reader, byte[] line, Span span)
            throws IOException {
        Part key = new Part(shape, field, line, span.start(), span.end());
        Object value = bound.get(key);
        if (value == null) {
            value = reader.readValue(line, span.start(), span.end() - span.start());
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

    /** A top-level value's bytes, from its first to just after its last. */
    private record Span(String field, int start, int end) {
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
        private final Class<? extends LogRecord> type;
        private final RecordComponent[] components;
        private final Map<String, Integer> index = new HashMap<>();
        private final ObjectReader[] readers;
        private final Constructor<? extends LogRecord> canonical;

        RecordShape(Class<? extends LogRecord> type) throws NoSuchMethodException {
            this.type = type;
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

        /** The record from the line with its large parts as null, then those parts put back as bound. */
        LogRecord build(byte[] line, List<Span> parts, RepeatedPartsReader reader)
                throws IOException, ReflectiveOperationException {
            Object[] values = new Object[components.length];
            boolean[] given = new boolean[components.length];
            byte[] rest = line;
            int restLength = line.length;
            if (!parts.isEmpty()) {
                rest = new byte[line.length];
                restLength = 0;
                int from = 0;
                for (Span span : parts) {
                    Integer component = index.get(span.field());
                    if (component == null) {
                        continue;
                    }
                    values[component] = reader.part(this, span.field(), readers[component], line, span);
                    given[component] = true;
                    System.arraycopy(line, from, rest, restLength, span.start() - from);
                    restLength += span.start() - from;
                    System.arraycopy(NULL, 0, rest, restLength, NULL.length);
                    restLength += NULL.length;
                    from = span.end();
                }
                System.arraycopy(line, from, rest, restLength, line.length - from);
                restLength += line.length - from;
            }
            LogRecord bare = RECORDS.readValue(rest, 0, restLength);
            if (bare.getClass() != type) {
                throw new IllegalStateException("the type field names another record");
            }
            for (int i = 0; i < components.length; i++) {
                if (!given[i]) {
                    values[i] = components[i].getAccessor().invoke(bare);
                }
            }
            return canonical.newInstance(values);
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
