package dev.tollgate.trail;

import dev.tollgate.audit.ChainVerifier;
import dev.tollgate.audit.LogLine;
import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.VerifyReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The data directory's log. What was appended is read from where the last look stopped (the segment and the byte
 * after its last complete line), so that a look costs what was appended, not the log's size.
 */
final class FileTrail implements TrailSource {
    /** The log's one stream, in verify results. */
    static final String STREAM = "log";
    private static final Pattern SEGMENT = Pattern.compile("decisions-(\\d+)\\.jsonl");

    private final Path logDir;
    private long segment;
    private long offset;
    private long lines;

    FileTrail(Path logDir) {
        this.logDir = logDir;
    }

    @Override
    public <T, E extends Exception> T read(Reading<T, E> reading) throws IOException, E {
        if (!Files.isDirectory(logDir)) {
            return reading.read(Collections.emptyIterator());
        }
        try (LogReader reader = LogReader.open(logDir)) {
            return reading.read(reader);
        }
    }

    @Override
    public synchronized void readNew(Consumer<LoggedRecord> appended) throws IOException {
        for (Map.Entry<Long, Path> file : segments().tailMap(segment).entrySet()) {
            if (file.getKey() > segment) {
                segment = file.getKey();
                offset = 0;
                lines = 0;
            }
            readFromOffset(file.getValue(), appended);
        }
    }

    /** Hands on the complete lines after offset; a line still being written is read at the next look. */
    private void readFromOffset(Path file, Consumer<LoggedRecord> appended) throws IOException {
        try (FileChannel channel = FileChannel.open(file); InputStream in = Channels.newInputStream(channel)) {
            if (channel.size() <= offset) {
                return;
            }
            channel.position(offset);
            byte[] buffer = new byte[1 << 16];
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int read;
            while ((read = in.read(buffer)) > 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        offset += line.size() + 1;
                        lines++;
                        LoggedRecord.of(new LogLine(file, lines, line.toByteArray())).ifPresent(appended);
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(buffer, start, read - start);
            }
        }
    }

    private TreeMap<Long, Path> segments() throws IOException {
        TreeMap<Long, Path> segments = new TreeMap<>();
        if (!Files.isDirectory(logDir)) {
            return segments;
        }
        try (Stream<Path> files = Files.list(logDir)) {
            files.forEach(file -> {
                Matcher name = SEGMENT.matcher(file.getFileName().toString());
                if (name.matches()) {
                    segments.put(Long.parseLong(name.group(1)), file);
                }
            });
        }
        return segments;
    }

    @Override
    public Map<String, VerifyReport> verify() throws IOException {
        return Map.of(STREAM, new ChainVerifier().verify(logDir));
    }
}
