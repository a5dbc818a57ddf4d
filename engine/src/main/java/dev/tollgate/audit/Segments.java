package dev.tollgate.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Naming and discovery of the decision log's segment files. */
final class Segments {
    private static final Pattern NAME = Pattern.compile("decisions-(\\d{6,18})\\.jsonl");

    record Segment(long number, Path file) {
    }

    private Segments() {
    }

    static String name(long number) {
        return "decisions-" + number(number) + ".jsonl";
    }

    /** A segment's number as its name writes it. */
    static String number(long number) {
        return String.format(Locale.ROOT, "%06d", number);
    }

    /** The segment files of a log directory, lowest number first. */
    static List<Segment> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .flatMap(file -> parse(file).stream())
                    .sorted(Comparator.comparingLong(Segment::number))
                    .toList();
        }
    }

    private static Optional<Segment> parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Optional.of(new Segment(Long.parseLong(m.group(1)), file)) : Optional.empty();
    }

    /** The length up to and including the last '\n'; any bytes after it are a torn tail. */
    static long completeLength(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long end = channel.size();
        while (end > 0) {
            int n = (int) Math.min(buffer.capacity(), end);
            long start = end - n;
            buffer.clear().limit(n);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, start + buffer.position()) < 0) {
                    throw new IOException("segment shrank while being read");
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }
}
