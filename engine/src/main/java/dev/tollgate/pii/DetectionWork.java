package dev.tollgate.pii;

/**
 * Counts the work detection does on the current thread, so that a test can prove its cost linear in the input by
 * counting rather than timing: every char a recognizer's regular expression reads (backtracking included), every
 * char a pre-scan or the normalisation visits, every token the name finder decodes. Counting is off unless a test
 * turns it on; then {@link #reading} hands matchers a view of the text that counts each char read.
 */
public final class DetectionWork {
    private static final ThreadLocal<long[]> COUNT = new ThreadLocal<>();

    private DetectionWork() {
    }

    /** Starts counting on this thread from zero. */
    public static void start() {
        COUNT.set(new long[1]);
    }

    /** Stops counting on this thread and returns the units counted since {@link #start}. */
    public static long stop() {
        long[] count = COUNT.get();
        COUNT.remove();
        return count == null ? 0 : count[0];
    }

    public static void add(long units) {
        long[] count = COUNT.get();
        if (count != null) {
            count[0] += units;
        }
    }

    /** The text to give a matcher: the text itself, or while counting a view that counts every char read. */
    public static CharSequence reading(String text) {
        long[] count = COUNT.get();
        return count == null ? text : new Counted(text, count);
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
