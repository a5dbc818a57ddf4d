package dev.tollgate.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.Segments.Segment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Reads a decision log record by record across its segments, in order.
 * <p>
 * It checks the log's shape and throws {@link LogFormatException} where it is broken: segments numbered
 * 1, 2, 3, ... without gaps, every line one JSON object in UTF-8, only the last segment ending in a torn
 * line (which is skipped). It does not check hashes or sequence numbers: that is {@link ChainVerifier}.
 * I/O errors surface as {@link UncheckedIOException}.
 */
public final class LogReader implements Iterator<LogEntry>, AutoCloseable {
    private static final ObjectReader RECORD = Json.MAPPER.readerFor(ObjectNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final List<Segment> segments;
    private final long firstNumber;
    private final boolean lastMayBeTorn;
    private final Predicate<byte[]> wanted;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 20];
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private int segmentIndex = -1;
    private InputStream in;
    private int position;
    private int limit;
    private long lineNumber;
    private long tornTailBytes;
    private LogEntry next;

    private LogReader(List<Segment> segments, long firstNumber, boolean lastMayBeTorn, Predicate<byte[]> wanted) {
        this.segments = segments;
        this.firstNumber = firstNumber;
        this.lastMayBeTorn = lastMayBeTorn;
        this.wanted = wanted;
    }

    /** A reader over every segment of the log in logDir. */
    public static LogReader open(Path logDir) throws IOException {
        return new LogReader(Segments.list(logDir), 1, true, line -> true);
    }

    /** A reader over the segments of the log in logDir from segment first on. */
    public static LogReader openFrom(Path logDir, long first) throws IOException {
        return new LogReader(Segments.list(logDir).stream().filter(s -> s.number() >= first).toList(), first, true,
                line -> true);
    }

    /** A reader over one segment that must end with a complete line. */
    static LogReader ofSegment(Segment segment) {
        return ofSegment(segment, line -> true);
    }

    /**
     * As {@link #ofSegment(Segment)}, giving only the records whose stored line passes wanted: the others are neither
     * decoded nor parsed (nor checked), which is what makes reading a segment for a few of its records cheap.
     */
    static LogReader ofSegment(Segment segment, Predicate<byte[]> wanted) {
        return new LogReader(List.of(segment), segment.number(), false, wanted);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = advance();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public LogEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        LogEntry entry = next;
        next = null;
        return entry;
    }

    /** Bytes after the last '\n' of the last segment; known once iteration has reached the end. */
    public long tornTailBytes() {
        return tornTailBytes;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
    }

    private LogEntry advance() throws IOException {
        LogLine line = nextLine();
        while (line != null && !wanted.test(line.bytes())) {
            line = nextLine();
        }
        if (line == null) {
            return null;
        }
        String text = decode(line.file(), line.lineNumber(), line.bytes());
        return new LogEntry(line.file(), line.lineNumber(), text, parse(line.file(), line.lineNumber(), text));
    }

    /**
     * The next line as stored, without decoding or parsing it (verify checks lines on several threads), or null
     * at the end of the log. Read a log either with this or as an iterator, not both.
     */
    public LogLine nextLine() throws IOException {
        while (true) {
            if (in == null && !openNextSegment()) {
                return null;
            }
            Path file = segments.get(segmentIndex).file();
            byte[] bytes = readLine();
            if (bytes != null) {
                lineNumber++;
                return new LogLine(file, lineNumber, bytes);
            }
            if (pending.size() > 0) {
                if (!lastMayBeTorn || segmentIndex < segments.size() - 1) {
                    throw new LogFormatException(file, lineNumber + 1,
                            "incomplete last line in a segment that is not the last one");
                }
                tornTailBytes = pending.size();
            }
            close();
        }
    }

    private boolean openNextSegment() throws IOException {
        if (segmentIndex + 1 >= segments.size()) {
            return false;
        }
        segmentIndex++;
        Segment segment = segments.get(segmentIndex);
        long expected = firstNumber + segmentIndex;
        if (segment.number() != expected) {
            Path missing = segment.file().resolveSibling(Segments.name(expected));
            throw new LogFormatException(missing, 0, "segment missing: expected " + missing.getFileName()
                    + " before " + segment.file().getFileName());
        }
        in = Files.newInputStream(segment.file());
        position = 0;
        limit = 0;
        lineNumber = 0;
        return true;
    }

    /** The next line without its '\n', or null at the end of the segment, leaving any torn tail in pending. */
    private byte[] readLine() throws IOException {
        pending.reset();
        while (true) {
            if (position == limit) {
                limit = Math.max(in.read(buffer), 0);
                position = 0;
                if (limit == 0) {
                    return null;
                }
            }
            int start = position;
            position = newline(buffer, position, limit);
            if (position < limit && pending.size() == 0) {
                return Arrays.copyOfRange(buffer, start, position++);
            }
            pending.write(buffer, start, position - start);
            if (position < limit) {
                position++;
                return pending.toByteArray();
            }
        }
    }

    /** Where the first '\n' in bytes[from, to) is, or to: eight bytes at a time, as a cold JVM reads a log. */
    private static int newline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
            // The lowest byte of x that is zero sets the high bit of its byte here, and no lower byte's bit is set.
            long zeros = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        while (i < to && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    private String decode(Path file, long lineNumber, byte[] bytes) {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LogFormatException(file, lineNumber, "not valid UTF-8");
        }
    }

    /** One line as a record, or {@link LogFormatException} naming file and line without quoting content. */
    static ObjectNode parse(Path file, long lineNumber, String line) {
        ObjectNode json;
        try {
            json = RECORD.readValue(line);
        } catch (JsonProcessingException e) {
            // The parser's message quotes record content, which must not travel further.
            String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            throw new LogFormatException(file, lineNumber, "not valid JSON" + where);
        }
        if (json == null) {
            throw new LogFormatException(file, lineNumber, "not valid JSON (expected an object)");
        }
        return json;
    }
}
