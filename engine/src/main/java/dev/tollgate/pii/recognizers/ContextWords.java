package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.DetectionWork;
import dev.tollgate.pii.Finding;

/**
 * Words that, found shortly before a match, make it more likely to be the entity, as in Presidio's context
 * enhancement. Matching is case-insensitive and on word boundaries; a trailing '*' accepts any word that
 * starts with the stem, which covers German compounds such as "Telefonnummer". Typographic apostrophes match
 * ASCII ones.
 */
final class ContextWords {
    /** How far before a match (in chars) a context word may start. */
    static final int WINDOW = 40;
    static final String SOURCE = "pattern";

    private final String[] words;
    private final boolean[] prefix;

    private ContextWords(String[] words) {
        this.words = new String[words.length];
        this.prefix = new boolean[words.length];
        for (int i = 0; i < words.length; i++) {
            prefix[i] = words[i].endsWith("*");
            String stem = prefix[i] ? words[i].substring(0, words[i].length() - 1) : words[i];
            this.words[i] = lower(stem, 0, stem.length());
        }
    }

    static ContextWords of(String... words) {
        return new ContextWords(words);
    }

    /** The first context word found within {@link #WINDOW} chars before {@code start}, or null. */
    String findBefore(String text, int start) {
        int from = Math.max(0, start - WINDOW);
        String window = lower(text, from, start);
        DetectionWork.add((long) (start - from) * (words.length + 1));
        for (int w = 0; w < words.length; w++) {
            for (int at = window.indexOf(words[w]); at >= 0; at = window.indexOf(words[w], at + 1)) {
                if (onBoundaries(text, from + at, w)) {
                    return words[w];
                }
            }
        }
        return null;
    }

    void forEachOccurrence(String text, Windows.Window consumer) {
        String lower = lower(text, 0, text.length());
        DetectionWork.add((long) text.length() * (words.length + 1));
        for (int w = 0; w < words.length; w++) {
            for (int at = lower.indexOf(words[w]); at >= 0; at = lower.indexOf(words[w], at + 1)) {
                if (onBoundaries(text, at, w)) {
                    consumer.accept(at, at + words[w].length());
                }
            }
        }
    }

    /**
     * Turns a candidate into a finding: raised when a context word precedes it, dropped when it needs one and
     * none is there.
     */
    Finding score(String type, String text, Candidate c) {
        String word = findBefore(text, c.start());
        if (word == null) {
            return c.needsContext() ? null
                    : new Finding(type, c.start(), c.end(), round(c.score()), SOURCE, c.explanation());
        }
        return new Finding(type, c.start(), c.end(), round(boost(c.score())), SOURCE,
                c.explanation() + "; context word '" + word + "'");
    }

    static double boost(double score) {
        return Math.min(1.0, Math.max(score + 0.25, 0.85));
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }

    private boolean onBoundaries(String text, int at, int w) {
        if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
            return false;
        }
        int end = at + words[w].length();
        if (prefix[w] || end >= text.length()) {
            return true;
        }
        char last = words[w].charAt(words[w].length() - 1);
        return !Character.isLetterOrDigit(last) || !Character.isLetterOrDigit(text.charAt(end));
    }

    /** Lower-cases char by char, so indices stay aligned with the original text. */
    static String lower(String text, int from, int to) {
        char[] out = new char[to - from];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(from + i);
            out[i] = c == '\u2019' ? '\'' : Character.toLowerCase(c);
        }
        return new String(out);
    }
}
