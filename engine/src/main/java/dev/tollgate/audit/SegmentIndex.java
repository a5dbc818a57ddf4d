package dev.tollgate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tollgate.Json;
import dev.tollgate.audit.Segments.Segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A summary of every sealed segment of a decision log, in a file beside its segments, so that a start takes from it
 * what it needs instead of reading the segments: one line per segment ({@code 000042 <summary>}), appended and
 * forced. The last line for a segment counts (a crash between the line and the next segment leaves the segment
 * current, and it gets a new line when it is sealed). A segment without a line, or with a line that does not parse
 * (a log written before the index, a line torn by a crash), is read once and indexed ({@link #complete}). The current
 * (last) segment is never indexed: a start always reads it.
 *
 * @param <T> what a line says of its segment
 */
public final class SegmentIndex<T> {
    private final Path logDir;
    private final Path file;
    private final Function<T, String> format;
    private final Function<String, Optional<T>> parse;
    private final Predicate<byte[]> wanted;

    /**
     * @param format the summary as one line of printable ASCII without a line break
     * @param parse  a line's summary back, or none if it is torn
     */
    public SegmentIndex(Path logDir, String name, Function<T, String> format, Function<String, Optional<T>> parse) {
        this(logDir, name, format, parse, line -> true);
    }

    private SegmentIndex(Path logDir, String name, Function<T, String> format, Function<String, Optional<T>> parse,
                         Predicate<byte[]> wanted) {
        this.logDir = logDir;
        this.file = logDir.resolve(name);
        this.format = format;
        this.parse = parse;
        this.wanted = wanted;
    }

    /**
     * The same index, summarising only the records whose stored line passes wanted ({@link RecordTypes}) when it reads
     * a segment: the other lines are skipped unparsed.
     */
    public SegmentIndex<T> reading(Predicate<byte[]> wanted) {
        return new SegmentIndex<>(logDir, file.getFileName().toString(), format, parse, wanted);
    }

    /** An index of summaries written as JSON in ASCII (other characters escaped). */
    public static <T> SegmentIndex<T> ofJson(Path logDir, String name, TypeReference<T> type) {
        ObjectWriter writer = Json.MAPPER.writerFor(type).with(JsonWriteFeature.ESCAPE_NON_ASCII);
        ObjectReader reader = Json.MAPPER.readerFor(type);
        return new SegmentIndex<>(logDir, name, summary -> {
            try {
                return writer.writeValueAsString(summary);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }, line -> {
            try {
                return Optional.of(reader.readValue(line));
            } catch (JsonProcessingException | RuntimeException tornLine) {
                return Optional.empty();
            }
        });
    }

    /**
     * The same index with summaries of another form, converted on the way in and out; a line that from cannot
     * convert counts as torn.
     */
    public <U> SegmentIndex<U> mapped(Function<U, T> to, Function<T, U> from) {
        return new SegmentIndex<>(logDir, file.getFileName().toString(), summary -> format.apply(to.apply(summary)),
                line -> {
                    try {
                        return parse.apply(line).map(from);
                    } catch (RuntimeException tornLine) {
                        return Optional.empty();
                    }
                }, wanted);
    }

    /** Records that segment was sealed with this summary. */
    public void sealed(long segment, T summary) throws IOException {
        String line = Segments.number(segment) + " " + format.apply(summary) + "\n";
        boolean created = !Files.exists(file);
        if (!created && endsTorn()) {
            line = "\n" + line;
        }
        Files.writeString(file, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Durable.force(file);
        if (created) {
            Durable.force(logDir);
        }
    }

    /**
     * The summary of every sealed segment (all but the last), reading and indexing the ones without a line.
     *
     * @param summarise the summary of one segment's records, in order
     */
    public Map<Long, T> complete(Function<Iterator<LogEntry>, T> summarise) throws IOException {
        List<Segment> segments = Segments.list(logDir);
        Map<Long, T> indexed = read();
        Map<Long, T> sealed = new HashMap<>();
        for (Segment segment : segments.subList(0, Math.max(segments.size() - 1, 0))) {
            T summary = indexed.get(segment.number());
            if (summary == null) {
                try (LogReader reader = LogReader.ofSegment(segment, wanted)) {
                    summary = summarise.apply(reader);
                }
                sealed(segment.number(), summary);
            }
            sealed.put(segment.number(), summary);
        }
        return sealed;
    }

    /** What summarise makes of the records of one sealed segment, read again. */
    public <R> R reread(long segment, Function<Iterator<LogEntry>, R> summarise) throws IOException {
        Segment one = new Segment(segment, logDir.resolve(Segments.name(segment)));
        try (LogReader reader = LogReader.ofSegment(one, wanted)) {
            return summarise.apply(reader);
        }
    }

    /** Whether the file ends in a line a crash tore: the next line must not be appended to it. */
    private boolean endsTorn() throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            if (channel.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) != '\n';
        }
    }

    /** The summaries of the segments with a line that parses. */
    public Map<Long, T> read() throws IOException {
        Map<Long, T> indexed = new HashMap<>();
        if (!Files.exists(file)) {
            return indexed;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            int space = line.indexOf(' ');
            if (space > 0) {
                try {
                    long segment = Long.parseLong(line.substring(0, space));
                    parse.apply(line.substring(space + 1)).ifPresent(summary -> indexed.put(segment, summary));
                } catch (NumberFormatException tornLine) {
                    // Read as if the segment had no line: it is read at start.
                }
            }
        }
        return indexed;
    }

    /** The number of the current (last) segment, which no line summarises; 1 for a log without segments. */
    public long current() throws IOException {
        List<Segment> segments = Segments.list(logDir);
        return segments.isEmpty() ? 1 : segments.getLast().number();
    }
}
