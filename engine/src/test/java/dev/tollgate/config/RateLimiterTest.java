package dev.tollgate.config;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.tollgate.testing.ApplicationBuilder.application;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The token buckets on a clock the test moves. */
class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final RateLimiter limiter = new RateLimiter(now::get);

    private static Application app(String id, Integer requests, Integer tokens) {
        return application(id).rateLimit(new RateLimit(requests, tokens)).build();
    }

    private void advanceSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void requestsPerMinuteAdmitABurstThenOneEveryShareOfTheMinute() {
        Application app = app("a", 2, null);
        assertEquals(0, limiter.admit(app));
        assertEquals(0, limiter.admit(app));
        assertEquals(30, limiter.admit(app), "two a minute: the next one in 30 s");
        advanceSeconds(29);
        assertEquals(1, limiter.admit(app));
        advanceSeconds(1);
        assertEquals(0, limiter.admit(app));
        assertEquals(30, limiter.admit(app));
    }

    @Test
    void tokensSpentBeyondTheMinutesShareHoldRequestsUntilTheDebtIsRepaid() {
        Application app = app("a", null, 100);
        assertEquals(0, limiter.admit(app));
        limiter.spent(app, 150);
        assertEquals(30, limiter.admit(app), "50 tokens in debt at 100 a minute: 30 s");
        advanceSeconds(30);
        assertEquals(0, limiter.admit(app));
    }

    @Test
    void applicationsHaveTheirOwnBucketsAndNoLimitMeansNone() {
        Application limited = app("a", 1, null);
        Application other = app("b", 1, null);
        Application unlimited = application("c").build();
        assertEquals(0, limiter.admit(limited));
        assertEquals(60, limiter.admit(limited));
        assertEquals(0, limiter.admit(other));
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, limiter.admit(unlimited));
        }
        limiter.spent(unlimited, 1_000_000);
        assertEquals(0, limiter.admit(unlimited));
    }
}
