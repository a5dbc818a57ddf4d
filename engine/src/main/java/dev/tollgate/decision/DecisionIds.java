package dev.tollgate.decision;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Time-ordered decision ids (UUID version 7, RFC 9562): sortable by creation time, unguessable. */
public final class DecisionIds {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DecisionIds(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long high = (millis << 16) | (0x7L << 12) | randA;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
