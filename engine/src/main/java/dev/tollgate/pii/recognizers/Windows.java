package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.DetectionWork;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the stretches of a text worth running a recognizer's pattern over. java.util.regex costs several
 * nanoseconds per character and attempt, so scanning a 500-character text with twenty patterns would take most
 * of the latency budget; one table-driven pass that finds, say, runs of digits and separators is far cheaper,
 * and the pattern then runs only there (with transparent bounds, so its look-arounds still see the neighbours).
 */
@FunctionalInterface
interface Windows {

    void forEach(String text, Window window);

    @FunctionalInterface
    interface Window {
        void accept(int from, int to);
    }

    /** Maximal runs of {@code member} characters that contain at least {@code minSeeds} {@code seed} characters. */
    static Windows runs(CharClass member, CharClass seed, int minSeeds) {
        return (text, window) -> {
            int n = text.length();
            DetectionWork.add(n);
            int i = 0;
            while (i < n) {
                if (!member.test(text.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                int seeds = 0;
                while (i < n && member.test(text.charAt(i))) {
                    if (seed.test(text.charAt(i))) {
                        seeds++;
                    }
                    i++;
                }
                if (seeds >= minSeeds) {
                    window.accept(start, i);
                }
            }
        };
    }

    /**
     * The {@code reach} characters after each occurrence of a context word, merged where they overlap: for
     * entities reported only with context, such as a date of birth.
     */
    static Windows afterContext(ContextWords words, int reach) {
        return (text, window) -> {
            List<int[]> spans = new ArrayList<>();
            words.forEachOccurrence(text, (from, to) -> spans.add(new int[] {to, Math.min(text.length(), to + reach)}));
            merged(spans, window);
        };
    }

    /** From {@code before} characters before each occurrence of a word to {@code after} characters after it, merged. */
    static Windows around(ContextWords words, int before, int after) {
        return (text, window) -> {
            List<int[]> spans = new ArrayList<>();
            words.forEachOccurrence(text, (from, to) -> spans.add(
                    new int[] {Math.max(0, from - before), Math.min(text.length(), to + after)}));
            merged(spans, window);
        };
    }

    private static void merged(List<int[]> spans, Window window) {
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        int from = -1;
        int to = -1;
        for (int[] span : spans) {
            if (span[0] > to) {
                if (from >= 0) {
                    window.accept(from, to);
                }
                from = span[0];
            }
            to = Math.max(to, span[1]);
        }
        if (from >= 0) {
            window.accept(from, to);
        }
    }
}
