package dev.tollgate.pii;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the work detection does on the current thread, so that a test can prove its cost linear in the input by
 * counting rather than timing: every char a recognizer's regular expression reads (backtracking included), every
 * char a pre-scan or the normalisation visits, every token the name finder decodes. Counting is off unless a test
 * turns it on; then {@link #reading} hands matchers a view of the text that counts each char read.
 */
public final class DetectionWork {
    private static final ThreadLocal<long[]> COUNT = new ThreadLocal<>();
    /** Threads counting now: while none is, detection does not look up its thread's count (a per-window cost). */
    private static final AtomicInteger COUNTING = new AtomicInteger();

    private DetectionWork() {
    }

    /** Starts counting on this thread from zero. */
    public static void start() {
        if (COUNT.get() == null) {
            COUNTING.incrementAndGet();
        }
        COUNT.set(new long[1]);
    }

    /** Stops counting on this thread and returns the units counted since {@link #start}. */
    public static long stop() {
        long[] count = COUNT.get();
        COUNT.remove();
        if (count == null) {
            return 0;
        }
        COUNTING.decrementAndGet();
        return count[0];
    }

    public static void add(long units) {
        long[] count = count();
        if (count != null) {
            count[0] += units;
        }
    }

    /** The text to give a matcher: the text itself, or while counting a view that counts every char read. */
    public static CharSequence reading(String text) {
        long[] count = count();
        return count == null ? text : new Counted(text, count);
    }

    /** This thread's count, or null when it is not counting. */
    private static long[] count() {
        return COUNTING.get() == 0 ? null : COUNT.get();
    }

    private record Counted(String text, long[] count) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            count[0]++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            count[0] += end - start;
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            count[0] += text.length();
            return text;
        }
    }
}
