package dev.tollgate.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventuallyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void returnsTheFirstSightThatHasHappenedAndTreatsAnIOExceptionAsNotYet() throws Exception {
        AtomicInteger looks = new AtomicInteger();

        int seen = Eventually.until("the third look", TIMEOUT, () -> {
            if (looks.incrementAndGet() == 1) {
                throw new IOException("still starting");
            }
            return looks.get();
        }, n -> n >= 3);

        assertEquals(3, seen);
    }

    @Test
    void failsNamingWhatNeverHappenedAndTheLastSight() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Eventually.until("the answer counted", Duration.ZERO, () -> 41, n -> n == 42));

        assertEquals("the answer counted did not happen within 0 s; last seen: 41", failure.getMessage());
    }

    @Test
    void aFailedAssertionInALookEndsTheWaitAtOnce() {
        AtomicInteger looks = new AtomicInteger();

        AssertionError failure = assertThrows(AssertionError.class, () -> Eventually.until("never", TIMEOUT, () -> {
            looks.incrementAndGet();
            throw new AssertionError("the service exited");
        }));

        assertEquals("the service exited", failure.getMessage());
        assertEquals(1, looks.get());
    }
}
