package dev.tollgate.execute;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeptAnswersTest {
    private static final Instant START = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void keepsAnAnswerUntilItsLifetimeEnds() {
        MutableClock clock = new MutableClock(START);
        KeptAnswers kept = new KeptAnswers(Duration.ofMinutes(10), 4, clock);
        kept.keep("v-1", "Dear Hans");
        assertEquals(Optional.of("Dear Hans"), kept.find("v-1"));
        assertEquals(Optional.empty(), kept.find("v-2"));

        clock.now = START.plus(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), kept.find("v-1"));
    }

    @Test
    void aFullStoreRefusesNewAnswersButMakesRoomFromExpiredOnes() {
        MutableClock clock = new MutableClock(START);
        KeptAnswers kept = new KeptAnswers(Duration.ofMinutes(1), 2, clock);
        assertTrue(kept.keep("a", "1"));
        assertTrue(kept.keep("b", "2"));
        assertFalse(kept.keep("c", "3"));
        assertEquals(Optional.of("1"), kept.find("a"));

        clock.now = START.plusSeconds(61);
        assertTrue(kept.keep("c", "3"));
        assertEquals(Optional.of("3"), kept.find("c"));
        assertEquals(Optional.empty(), kept.find("a"));
    }

    @Test
    void forgetRemovesAnAnswer() {
        KeptAnswers kept = new KeptAnswers(Duration.ofMinutes(1), 2, Clock.fixed(START, ZoneOffset.UTC));
        kept.keep("a", "1");
        kept.forget("a");
        assertEquals(Optional.empty(), kept.find("a"));
    }

    @Test
    void refusesANonPositiveLifetimeOrCapacity() {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        assertThrows(IllegalArgumentException.class, () -> new KeptAnswers(Duration.ZERO, 1, clock));
        assertThrows(IllegalArgumentException.class, () -> new KeptAnswers(Duration.ofSeconds(1), 0, clock));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
