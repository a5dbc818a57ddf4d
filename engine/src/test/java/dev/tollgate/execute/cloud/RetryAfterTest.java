package dev.tollgate.execute.cloud;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void readsDeltaSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(" 7 ", NOW));
    }

    @Test
    void readsAnHttpDateAsTheTimeUntilIt() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Sat, 28 Nov 2026 12:01:30 GMT", NOW));
    }

    @Test
    void aPastDateMeansNoWait() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sat, 28 Nov 2026 11:00:00 GMT", NOW));
    }

    @Test
    void ignoresAnythingElse() {
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("", NOW));
    }
}
