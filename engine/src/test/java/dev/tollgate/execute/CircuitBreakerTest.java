package dev.tollgate.execute;

import dev.tollgate.execute.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    private static final Duration OPEN_FOR = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private final CircuitBreaker breaker = new CircuitBreaker(3, OPEN_FOR, clock);

    @Test
    void staysClosedBelowTheThreshold() {
        breaker.onFailure();
        breaker.onFailure();

        assertEquals(State.CLOSED, breaker.state());
        assertTrue(breaker.allowRequest());
    }

    @Test
    void aSuccessResetsTheConsecutiveFailures() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();

        assertEquals(State.CLOSED, breaker.state());
    }

    @Test
    void opensAfterThresholdConsecutiveFailuresAndRejectsWhileOpen() {
        open();

        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.allowRequest());
        clock.advance(OPEN_FOR.minusMillis(1));
        assertFalse(breaker.allowRequest());
        assertEquals(State.OPEN, breaker.state());
    }

    @Test
    void halfOpenAfterTheOpenDurationLetsExactlyOneProbeThrough() {
        open();
        clock.advance(OPEN_FOR);

        assertEquals(State.HALF_OPEN, breaker.state());
        assertTrue(breaker.allowRequest());
        assertFalse(breaker.allowRequest());
        assertFalse(breaker.allowRequest());
    }

    @Test
    void probeSuccessCloses() {
        open();
        clock.advance(OPEN_FOR);
        assertTrue(breaker.allowRequest());

        breaker.onSuccess();

        assertEquals(State.CLOSED, breaker.state());
        assertTrue(breaker.allowRequest());
        assertTrue(breaker.allowRequest());
    }

    @Test
    void probeFailureReopensForAnotherFullOpenDuration() {
        open();
        clock.advance(OPEN_FOR);
        assertTrue(breaker.allowRequest());

        breaker.onFailure();

        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.allowRequest());
        clock.advance(OPEN_FOR.minusMillis(1));
        assertFalse(breaker.allowRequest());
        clock.advance(Duration.ofMillis(1));
        assertTrue(breaker.allowRequest());
    }

    @Test
    void concurrentCallersInHalfOpenGetOneProbe() throws Exception {
        open();
        clock.advance(OPEN_FOR);
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> caller = () -> {
            start.await();
            return breaker.allowRequest();
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<Boolean>> futures = Stream.generate(() -> pool.submit(caller)).limit(callers).toList();
            start.countDown();
            long allowed = 0;
            for (Future<Boolean> future : futures) {
                allowed += future.get() ? 1 : 0;
            }
            assertEquals(1, allowed);
        }
    }

    @Test
    void rejectsAThresholdBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(0, OPEN_FOR, clock));
    }

    private void open() {
        for (int i = 0; i < 3; i++) {
            assertTrue(breaker.allowRequest());
            breaker.onFailure();
        }
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
