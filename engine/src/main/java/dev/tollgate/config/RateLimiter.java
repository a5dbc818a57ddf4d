package dev.tollgate.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Per-application token buckets for the registry's rate limits. A request takes one from the application's request
 * bucket (full: requests_per_minute, refilled at that rate); an execution's tokens are charged to its token bucket
 * afterwards, which may run into debt, and no request is admitted while it is in debt. Buckets live in memory: a
 * restart starts them full.
 */
public final class RateLimiter {
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> requests = new ConcurrentHashMap<>();
    private final Map<String, Bucket> tokens = new ConcurrentHashMap<>();

    /** @param nanoTime the monotonic clock, {@link System#nanoTime} but in tests */
    public RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Admits one request of the application, or says how long it has to wait.
     *
     * @return 0 when admitted, else the whole seconds until a request would be (at least 1)
     */
    public long admit(Application app) {
        RateLimit limit = app.rateLimit();
        if (limit == null) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        long wait = limit.tokensPerMinute() == null ? 0
                : bucket(tokens, app.id(), limit.tokensPerMinute(), now).waitForCredit(now);
        if (wait == 0 && limit.requestsPerMinute() != null) {
            wait = bucket(requests, app.id(), limit.requestsPerMinute(), now).take(now);
        }
        return wait == 0 ? 0 : Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** Charges the tokens an execution of the application used. */
    public void spent(Application app, long used) {
        RateLimit limit = app.rateLimit();
        if (limit != null && limit.tokensPerMinute() != null && used > 0) {
            long now = nanoTime.getAsLong();
            bucket(tokens, app.id(), limit.tokensPerMinute(), now).charge(used, now);
        }
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String app, int perMinute, long now) {
        return buckets.computeIfAbsent(app, id -> new Bucket(perMinute, now));
    }

    /** Holds up to {@code capacity}, refilled at capacity per minute; the level may go below 0 (debt). */
    private static final class Bucket {
        private final double capacity;
        private double level;
        private long at;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.level = capacity;
            this.at = now;
        }

        /** Takes one: 0 when there was one, else the nanoseconds until there is (nothing taken). */
        synchronized long take(long now) {
            refill(now);
            if (level >= 1) {
                level -= 1;
                return 0;
            }
            return nanosUntil(1);
        }

        /** 0 when the bucket is not in debt, else the nanoseconds until it is out of it. */
        synchronized long waitForCredit(long now) {
            refill(now);
            return level >= 0 ? 0 : nanosUntil(0);
        }

        synchronized void charge(long amount, long now) {
            refill(now);
            level -= amount;
        }

        private void refill(long now) {
            level = Math.min(capacity, level + capacity * (now - at) / MINUTE_NANOS);
            at = now;
        }

        private long nanosUntil(double wanted) {
            return (long) Math.ceil((wanted - level) * MINUTE_NANOS / capacity);
        }
    }
}
