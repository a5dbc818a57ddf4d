package dev.tollgate.execute.cloud;

import dev.tollgate.execute.ExecutorException;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Runs an attempt until it succeeds, fails for good or uses up the retries, waiting between attempts. */
record Retrier(int maxRetries, Duration maxWait, RandomGenerator random, Sleeper sleeper) {
    static final Duration BASE_BACKOFF = Duration.ofMillis(200);

    interface Attempt<T> {
        T run() throws AttemptFailure;
    }

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    <T> T run(Attempt<T> attempt) throws ExecutorException {
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.run();
            } catch (AttemptFailure failure) {
                if (!failure.retryable() || attempts > maxRetries) {
                    throw failure.toExecutorException(attempts);
                }
                try {
                    sleeper.sleep(delayAfter(attempts, failure));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure.toExecutorException(attempts);
                }
            }
        }
    }

    /**
     * The upstream's Retry-After when it sent one, else exponential backoff with jitter: a random wait between
     * half and all of a ceiling that doubles from {@link #BASE_BACKOFF}; never more than the maximum wait.
     */
    Duration delayAfter(int attempts, AttemptFailure failure) {
        Duration wanted = failure.retryAfter().orElseGet(() -> backoff(attempts));
        return wanted.compareTo(maxWait) > 0 ? maxWait : wanted;
    }

    private Duration backoff(int attempts) {
        long ceiling = BASE_BACKOFF.toMillis() << Math.min(attempts - 1, 16);
        return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }
}
