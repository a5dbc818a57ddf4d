package dev.tollgate.execute;

import dev.tollgate.audit.ClaimIndex;
import dev.tollgate.audit.ExecutionStarted;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.LogReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The decisions whose token has been used. A token is claimed here before its execution starts and the claim is
 * written to the decision log ({@link ExecutionRecords#started}), so a restart rebuilds the set from the log and
 * a token stays single-use across restarts. Claims are forgotten once their token has expired: an expired token
 * is refused before this set is asked. The rebuild reads only the segments whose claims may still be live
 * ({@link ClaimIndex}): a start reads what the token lifetime needs, whatever the size of the log.
 */
public final class UsedTokens implements TokenClaims {
    private static final System.Logger LOG = System.getLogger(UsedTokens.class.getName());
    private static final int PURGE_EVERY = 1024;

    private final Map<String, Instant> expiryByDecision = new ConcurrentHashMap<>();
    private final Clock clock;
    private long recordsRead;

    UsedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The claims in the log whose tokens have not expired yet. */
    public static UsedTokens fromLog(Path logDir, Clock clock) throws IOException {
        UsedTokens used = new UsedTokens(clock);
        if (!Files.isDirectory(logDir)) {
            return used;
        }
        Instant now = clock.instant();
        long first = ClaimIndex.liveFrom(logDir, now);
        try (LogReader reader = LogReader.openFrom(logDir, first)) {
            while (reader.hasNext()) {
                used.recordsRead++;
                if (LogRecord.read(reader.next().json()).orElse(null) instanceof ExecutionStarted started) {
                    Instant expiry = Instant.parse(started.tokenExpiresAt());
                    if (expiry.isAfter(now)) {
                        used.expiryByDecision.put(started.decisionId(), expiry);
                    }
                }
            }
        }
        LOG.log(System.Logger.Level.INFO, "used tokens: " + used.expiryByDecision.size() + " live claims from "
                + used.recordsRead + " records read from segment " + first + " on");
        return used;
    }

    /** Records the rebuild read from the log. */
    long recordsRead() {
        return recordsRead;
    }

    @Override
    public boolean claim(String decisionId, Instant tokenExpiry) {
        boolean claimed = expiryByDecision.putIfAbsent(decisionId, tokenExpiry) == null;
        if (claimed && expiryByDecision.size() % PURGE_EVERY == 0) {
            Instant now = clock.instant();
            expiryByDecision.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        return claimed;
    }

    @Override
    public void release(String decisionId) {
        expiryByDecision.remove(decisionId);
    }
}
