package dev.tollgate.execute.offline;

import java.time.Duration;

/**
 * How a validation the cloud refuses is retried: the wait doubles after each failed attempt, from {@code first} up
 * to {@code longest}, and after {@code maxAttempts} failed attempts the validation is set aside as failed.
 */
public record ValidationRetry(Duration first, Duration longest, int maxAttempts) {
    public ValidationRetry {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("the first wait must be positive and at most the longest; "
                    + "at least one attempt");
        }
    }

    /** The wait after the given number of failed attempts (1 or more). */
    public Duration after(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
