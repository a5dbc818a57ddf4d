package dev.tollgate.execute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers restored for their caller and kept until the caller fetches them later (a corrected answer from an
 * offline validation, an answer held for human review). The log keeps only their masked form; the restored text
 * lives in memory alone, so it is gone after a restart or once its lifetime ends, and at most {@code capacity}
 * are kept: a full store refuses new entries rather than dropping old ones.
 */
public final class KeptAnswers {
    private record Kept(String text, Instant expiresAt) {
    }

    private final Map<String, Kept> byId = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final int capacity;
    private final Clock clock;

    public KeptAnswers(Duration lifetime, int capacity, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || capacity < 1) {
            throw new IllegalArgumentException("lifetime and capacity must be positive");
        }
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Keeps the restored text under the id; false when the store is full even after expired entries left. */
    public boolean keep(String id, String restoredText) {
        Instant now = clock.instant();
        if (byId.size() >= capacity) {
            byId.values().removeIf(kept -> !kept.expiresAt().isAfter(now));
            if (byId.size() >= capacity) {
                return false;
            }
        }
        byId.put(id, new Kept(restoredText, now.plus(lifetime)));
        return true;
    }

    /** The restored text while it is kept. */
    public Optional<String> find(String id) {
        Kept kept = byId.get(id);
        if (kept == null) {
            return Optional.empty();
        }
        if (!kept.expiresAt().isAfter(clock.instant())) {
            byId.remove(id, kept);
            return Optional.empty();
        }
        return Optional.of(kept.text());
    }

    public void forget(String id) {
        byId.remove(id);
    }
}
