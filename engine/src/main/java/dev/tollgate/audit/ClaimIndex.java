package dev.tollgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.audit.Segments.Segment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Until when the token claims of each sealed segment of a decision log stay live: the latest {@code token_expires_at}
 * of its {@code execution_started} records, or none. A start rebuilds the used tokens only from the segments after
 * those that are expired ({@link #liveFrom}), so what it reads follows the token lifetime, not the log's size.
 * <p>
 * One line per sealed segment ({@code 000042 2026-12-06T10:05:00Z} or {@code 000042 none}), appended and forced when
 * the log moves on to the next segment. The last line for a segment counts: a crash between the line and the new
 * segment leaves the segment current, and it gets a new line when it is sealed. A segment without a line (a log
 * written before the index, a torn line) is read, and {@link #complete} indexes it at the next open. The current
 * segment is always read. The file's mechanics are {@link SegmentIndex}'s.
 */
public final class ClaimIndex {
    public static final String NAME = "token-claims.idx";
    private static final String NONE = "none";

    private ClaimIndex() {
    }

    /** The token expiry a record holds if it claims a token. */
    static Optional<Instant> expiryOf(JsonNode record) {
        JsonNode expiry = record.path("token_expires_at");
        if (!"execution_started".equals(record.path("type").asText()) || !expiry.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(expiry.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        return a.isEmpty() ? b : b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
    }

    /** Records that segment was sealed with claims live until expiry (none: it holds no claim). */
    static void sealed(Path logDir, long segment, Optional<Instant> expiry) throws IOException {
        index(logDir).sealed(segment, expiry);
    }

    /** Indexes every segment but the last that has no line yet, reading it once. */
    static void complete(Path logDir) throws IOException {
        index(logDir).complete(records -> {
            Optional<Instant> latest = Optional.empty();
            while (records.hasNext()) {
                latest = later(latest, expiryOf(records.next().json()));
            }
            return latest;
        });
    }

    /**
     * The number of the first segment whose claims may still be live at now: every segment before it is indexed with
     * claims that expired by then, or none. Never past the current (last) segment.
     */
    public static long liveFrom(Path logDir, Instant now) throws IOException {
        List<Segment> segments = Segments.list(logDir);
        if (segments.isEmpty()) {
            return 1;
        }
        Map<Long, Optional<Instant>> indexed = index(logDir).read();
        for (Segment segment : segments.subList(0, segments.size() - 1)) {
            Optional<Instant> expiry = indexed.get(segment.number());
            if (expiry == null || expiry.filter(now::isBefore).isPresent()) {
                return segment.number();
            }
        }
        return segments.getLast().number();
    }

    private static SegmentIndex<Optional<Instant>> index(Path logDir) {
        return new SegmentIndex<>(logDir, NAME, expiry -> expiry.map(Instant::toString).orElse(NONE),
                ClaimIndex::parse);
    }

    private static Optional<Optional<Instant>> parse(String expiry) {
        try {
            return Optional.of(expiry.equals(NONE) ? Optional.empty() : Optional.of(Instant.parse(expiry)));
        } catch (DateTimeParseException tornLine) {
            return Optional.empty();
        }
    }
}
