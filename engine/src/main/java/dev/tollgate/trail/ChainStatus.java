package dev.tollgate.trail;

import dev.tollgate.audit.VerifyReport;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The trail's chains as verify finds them, verified again at most once an interval however often the overview is
 * opened: a verify reads every record. The result says when it was computed.
 */
public final class ChainStatus {
    /** How long a result is shown before the chains are verified again. */
    public static final Duration KEPT = Duration.ofMinutes(1);

    private final TrailSource source;
    private final Clock clock;
    private Verified last;

    public ChainStatus(TrailSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** @param streams stream id ("log" for the data directory's log, a replica id in the store) -> its verify result */
    public record Verified(Instant at, Map<String, VerifyReport> streams) {
        public boolean intact() {
            return streams.values().stream().allMatch(VerifyReport::ok);
        }

        public long records() {
            return streams.values().stream().mapToLong(VerifyReport::recordsChecked).sum();
        }
    }

    public synchronized Verified now() throws IOException {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(KEPT))) {
            last = new Verified(now, source.verify());
        }
        return last;
    }
}
