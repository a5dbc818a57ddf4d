package dev.tollgate.execute.cloud;

import dev.tollgate.execute.ExecutorException;
import dev.tollgate.execute.ExecutorException.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetrierTest {

    private final List<Duration> waits = new ArrayList<>();

    @Test
    void backsOffExponentiallyWithJitterWithinTheCeiling() {
        Retrier retrier = retrier(20, Duration.ofHours(1));
        AttemptFailure serverError = new AttemptFailure(Kind.SERVER_ERROR, true, null, "upstream answered HTTP 500");

        for (int attempts = 1; attempts <= 6; attempts++) {
            long ceiling = Retrier.BASE_BACKOFF.toMillis() << (attempts - 1);
            for (int sample = 0; sample < 50; sample++) {
                long wait = retrier.delayAfter(attempts, serverError).toMillis();
                assertTrue(wait >= ceiling / 2 && wait <= ceiling, attempts + ": " + wait);
            }
        }
    }

    @Test
    void waitsWhatRetryAfterSaysUpToTheMaximum() {
        Retrier retrier = retrier(2, Duration.ofSeconds(10));

        assertEquals(Duration.ofSeconds(3), retrier.delayAfter(1, rateLimited(Duration.ofSeconds(3))));
        assertEquals(Duration.ofSeconds(10), retrier.delayAfter(1, rateLimited(Duration.ofMinutes(5))));
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastKind() {
        Retrier retrier = retrier(3, Duration.ofSeconds(10));
        int[] attempts = {0};

        ExecutorException e = assertThrows(ExecutorException.class, () -> retrier.run(() -> {
            attempts[0]++;
            throw rateLimited(Duration.ofSeconds(1));
        }));

        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(4, attempts[0]);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), waits);
    }

    @Test
    void doesNotRetryWhatARetryWouldNotChange() {
        Retrier retrier = retrier(3, Duration.ofSeconds(10));
        int[] attempts = {0};

        ExecutorException e = assertThrows(ExecutorException.class, () -> retrier.run(() -> {
            attempts[0]++;
            throw new AttemptFailure(Kind.BAD_RESPONSE, false, null, "upstream answered HTTP 401");
        }));

        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertEquals(1, attempts[0]);
        assertTrue(waits.isEmpty());
    }

    @Test
    void returnsTheFirstSuccess() throws Exception {
        Retrier retrier = retrier(3, Duration.ofSeconds(10));
        int[] attempts = {0};

        String result = retrier.run(() -> {
            if (++attempts[0] < 3) {
                throw new AttemptFailure(Kind.UNREACHABLE, true, null, "connection failed (ConnectException)");
            }
            return "ok";
        });

        assertEquals("ok", result);
        assertEquals(2, waits.size());
    }

    private Retrier retrier(int maxRetries, Duration maxWait) {
        return new Retrier(maxRetries, maxWait, new SplittableRandom(42), waits::add);
    }

    private static AttemptFailure rateLimited(Duration retryAfter) {
        return new AttemptFailure(Kind.RATE_LIMITED, true, retryAfter, "upstream answered HTTP 429");
    }
}
