package dev.tollgate.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits for what another thread or process does: looks again every 100 ms until it has happened, within a time-out
 * that is generous for a busy machine (a bound, not a speed assertion). Fails naming what never happened and what was
 * last seen. An IOException counts as "not yet" (a server still starting); any other exception, and a failed
 * assertion inside a look, ends the wait at once.
 */
public final class Eventually {
    private static final Duration PAUSE = Duration.ofMillis(100);

    /** One look at the state waited on. */
    @FunctionalInterface
    public interface Look<T> {
        T take() throws Exception;
    }

    private Eventually() {
    }

    /** Looks until what it sees is happened; returns that sight. */
    public static <T> T until(String what, Duration timeout, Look<T> look, Predicate<? super T> happened)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = "nothing";
        while (true) {
            try {
                T seen = look.take();
                if (happened.test(seen)) {
                    return seen;
                }
                last = seen;
            } catch (IOException notYet) {
                last = notYet;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(what + " did not happen within " + timeout.toSeconds() + " s; last seen: "
                        + last);
            }
            Thread.sleep(PAUSE);
        }
    }

    /** Looks until condition holds. */
    public static void until(String what, Duration timeout, Look<Boolean> condition) throws Exception {
        until(what, timeout, condition, Boolean::booleanValue);
    }
}
