package dev.tollgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.audit.HashChain.Sealed;
import dev.tollgate.audit.Segments.Segment;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a decision log left off: the last segment (its torn tail cut away) and the last complete
 * record, whose seq and hash the next append continues from.
 */
final class LogRecovery {
    private static final System.Logger LOG = System.getLogger(LogRecovery.class.getName());

    /** Where to continue: channel is open on segment, and the next record goes at segmentBytes. */
    record Recovered(FileChannel channel, long segment, long segmentBytes, long lastSeq, String headHash,
                     long tornBytes, Optional<Instant> claimExpiry) {
    }

    /** The last record of a segment, and the latest token expiry its records claim. */
    private record Tail(long seq, String hash, Optional<Instant> claimExpiry) {
    }

    private LogRecovery() {
    }

    static Recovered recover(Path dir) throws IOException {
        List<Segment> segments = Segments.list(dir);
        if (segments.isEmpty()) {
            FileChannel channel = FileChannel.open(dir.resolve(Segments.name(1)),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Durable.force(dir);
            return new Recovered(channel, 1, 0, 0, HashChain.GENESIS, 0, Optional.empty());
        }
        Segment last = segments.getLast();
        FileChannel channel = FileChannel.open(last.file(), StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long complete = Segments.completeLength(channel);
            long torn = channel.size() - complete;
            if (torn > 0) {
                channel.truncate(complete);
                channel.force(true);
                LOG.log(Level.WARNING, "decision log: cut a torn tail of " + torn + " bytes from "
                        + last.file().getFileName());
            }
            Optional<Tail> tail = lastRecord(last);
            Optional<Instant> claims = tail.flatMap(Tail::claimExpiry);
            if (tail.isEmpty() && segments.size() > 1) {
                // A crash right after a new segment was created leaves it empty.
                tail = lastRecord(segments.get(segments.size() - 2));
            }
            return new Recovered(channel, last.number(), complete, tail.map(Tail::seq).orElse(0L),
                    tail.map(Tail::hash).orElse(HashChain.GENESIS), torn, claims);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads every line of the segment, refusing to continue after a line that is not a record. */
    private static Optional<Tail> lastRecord(Segment segment) throws IOException {
        LogEntry last = null;
        Optional<Instant> claims = Optional.empty();
        try (LogReader reader = LogReader.ofSegment(segment)) {
            while (reader.hasNext()) {
                last = reader.next();
                claims = ClaimIndex.later(claims, ClaimIndex.expiryOf(last.json()));
            }
        } catch (LogFormatException e) {
            LogFormatException.Defect defect = e.defect();
            throw refusal(defect.file(), defect.line(), defect.reason());
        }
        if (last == null) {
            return Optional.empty();
        }
        Optional<Sealed> sealed = HashChain.unseal(last.line());
        JsonNode seq = last.json().get("seq");
        if (sealed.isEmpty() || !sealed.get().intact() || seq == null || !seq.canConvertToExactIntegral()) {
            throw refusal(last.file(), last.lineNumber(), "the last record is not intact");
        }
        return Optional.of(new Tail(seq.asLong(), sealed.get().storedHash(), claims));
    }

    private static LogFormatException refusal(Path file, long line, String reason) {
        return new LogFormatException(file, line,
                reason + "; refusing to append after a corrupt record (run verify on the log)");
    }
}
