package dev.tollgate.pii;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text as the recognizers read it, with the way back to the original. Normalisation folds what changes how a
 * value is written but not what it is: Unicode NFKC (full-width forms, compatibility spaces, ligatures), invisible
 * characters dropped (category Cf and the other default-ignorable code points: zero-width space and joiners, soft
 * hyphen, word joiner, bidi controls), every dash read as '-', every decimal digit read as its ASCII digit, and
 * letters of the Cyrillic, Greek and Armenian scripts that look like a Latin letter of the same case replaced by
 * that letter (the single-letter entries of Unicode TS #39's confusables; digits and letter pairs such as "rn" are
 * left alone, which the full skeleton would not do).
 *
 * <p>Each normalised char remembers the original span it came from, so a finding in the normalised text maps back
 * to the original characters, widened over invisible characters at its edges: masking that span removes them too.
 */
public final class NormalizedText {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final int CONFUSABLES_FROM = 0x0370;
    private static final int CONFUSABLES_TO = 0x0590;
    private static final char[] LATIN_LOOKALIKE = latinLookalikes();
    private static final char RIGHT_TO_LEFT_OVERRIDE = '\u202E';
    private static final char POP_DIRECTIONAL_FORMATTING = '\u202C';

    private final String original;
    private final String text;
    /** Original start and end of each normalised char; null when the text is its own normal form. */
    private final int[] from;
    private final int[] to;
    /** Normalised [start, end) of each right-to-left override run, in order. */
    private final List<int[]> overrides;

    private NormalizedText(String original, String text, int[] from, int[] to, List<int[]> overrides) {
        this.original = original;
        this.text = text;
        this.from = from;
        this.to = to;
        this.overrides = overrides;
    }

    public static NormalizedText of(String original) {
        DetectionWork.add(original.length());
        if (isPlainAscii(original)) {
            return new NormalizedText(original, original, null, null, List.of());
        }
        return new Builder(original).build();
    }

    /** The text the recognizers read. */
    public String text() {
        return text;
    }

    /** Whether a right-to-left override (U+202E) can make part of the text display in reverse. */
    public boolean hasRightToLeftOverride() {
        return !overrides.isEmpty();
    }

    /**
     * This text with the characters of every right-to-left override run in reverse order: what a reader sees when
     * a value was stored backwards so that the override displays it the right way round.
     */
    public NormalizedText withOverridesReversed() {
        if (overrides.isEmpty()) {
            return this;
        }
        char[] chars = text.toCharArray();
        int[] newFrom = from.clone();
        int[] newTo = to.clone();
        for (int[] run : overrides) {
            reverseCodePoints(chars, newFrom, newTo, run[0], run[1]);
        }
        return new NormalizedText(original, new String(chars), newFrom, newTo, List.of());
    }

    /** The same finding with its span in the original text. */
    public Finding toOriginal(Finding finding) {
        if (from == null) {
            return finding;
        }
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (int i = finding.start(); i < finding.end(); i++) {
            start = Math.min(start, from[i]);
            end = Math.max(end, to[i]);
        }
        while (start > 0 && isDropped(original.codePointBefore(start))) {
            start -= Character.charCount(original.codePointBefore(start));
        }
        while (end < original.length() && isDropped(original.codePointAt(end))) {
            end += Character.charCount(original.codePointAt(end));
        }
        return new Finding(finding.type(), start, end, finding.score(), finding.source(), finding.explanation());
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether normalisation drops the code point: an invisible format character or other default-ignorable. */
    public static boolean isDropped(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT
                || UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    /** The code point as the recognizers read it after NFKC, or -1 if it is dropped. */
    static int fold(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint;
        }
        if (isDropped(codePoint)) {
            return -1;
        }
        if (Character.getType(codePoint) == Character.DECIMAL_DIGIT_NUMBER) {
            return '0' + Character.digit(codePoint, 10);
        }
        if ((codePoint >= 0x2010 && codePoint <= 0x2015) || codePoint == 0x2212) {
            return '-';
        }
        if (codePoint >= CONFUSABLES_FROM && codePoint < CONFUSABLES_TO) {
            char latin = LATIN_LOOKALIKE[codePoint - CONFUSABLES_FROM];
            return latin == 0 ? codePoint : latin;
        }
        return codePoint;
    }

    private static void reverseCodePoints(char[] chars, int[] from, int[] to, int start, int end) {
        reverse(chars, from, to, start, end);
        // Reversing chars turns each surrogate pair around; put them back.
        for (int i = start; i + 1 < end; i++) {
            if (Character.isLowSurrogate(chars[i]) && Character.isHighSurrogate(chars[i + 1])) {
                reverse(chars, from, to, i, i + 2);
                i++;
            }
        }
    }

    private static void reverse(char[] chars, int[] from, int[] to, int start, int end) {
        for (int i = start, j = end - 1; i < j; i++, j--) {
            char c = chars[i];
            chars[i] = chars[j];
            chars[j] = c;
            int f = from[i];
            from[i] = from[j];
            from[j] = f;
            int t = to[i];
            to[i] = to[j];
            to[j] = t;
        }
    }

    /**
     * For each Cyrillic, Greek or Armenian letter whose TS #39 skeleton equals that of a Latin letter of the same
     * case, that Latin letter; 0 elsewhere.
     */
    private static char[] latinLookalikes() {
        SpoofChecker checker = new SpoofChecker.Builder().build();
        String[] latinSkeletons = new String[128];
        for (char c = 'A'; c <= 'z'; c++) {
            if (Character.isLetter(c)) {
                latinSkeletons[c] = checker.getSkeleton(String.valueOf(c));
            }
        }
        char[] lookalikes = new char[CONFUSABLES_TO - CONFUSABLES_FROM];
        for (int cp = CONFUSABLES_FROM; cp < CONFUSABLES_TO; cp++) {
            if (!Character.isLetter(cp)) {
                continue;
            }
            String skeleton = checker.getSkeleton(String.valueOf((char) cp));
            for (char c = 'A'; c <= 'z'; c++) {
                if (skeleton.equals(latinSkeletons[c]) && Character.isUpperCase(c) == Character.isUpperCase(cp)) {
                    lookalikes[cp - CONFUSABLES_FROM] = c;
                    break;
                }
            }
        }
        return lookalikes;
    }

    /** Walks the original by NFKC segments (a starter and the marks that may combine with it). */
    private static final class Builder {
        private final String original;
        private final StringBuilder out;
        private int[] from;
        private int[] to;
        private final List<int[]> overrides = new ArrayList<>();
        private int overrideStart = -1;

        Builder(String original) {
            this.original = original;
            this.out = new StringBuilder(original.length());
            this.from = new int[original.length() + 16];
            this.to = new int[original.length() + 16];
        }

        NormalizedText build() {
            int n = original.length();
            int start = 0;
            while (start < n) {
                int end = start + Character.charCount(original.codePointAt(start));
                while (end < n && !NFKC.hasBoundaryBefore(original.codePointAt(end))) {
                    end += Character.charCount(original.codePointAt(end));
                }
                trackOverride(original.charAt(start));
                segment(start, end);
                start = end;
            }
            trackOverride(POP_DIRECTIONAL_FORMATTING);
            int length = out.length();
            return new NormalizedText(original, out.toString(), Arrays.copyOf(from, length),
                    Arrays.copyOf(to, length), List.copyOf(overrides));
        }

        private void segment(int start, int end) {
            int first = original.codePointAt(start);
            boolean unchanged = end - start == Character.charCount(first) && NFKC.getDecomposition(first) == null;
            CharSequence normalized = unchanged ? original.subSequence(start, end)
                    : NFKC.normalize(original.subSequence(start, end));
            for (int i = 0; i < normalized.length(); ) {
                int cp = Character.codePointAt(normalized, i);
                i += Character.charCount(cp);
                int folded = fold(cp);
                if (folded >= 0) {
                    append(folded, start, end);
                }
            }
        }

        private void append(int codePoint, int start, int end) {
            for (char c : Character.toChars(codePoint)) {
                if (out.length() == from.length) {
                    from = Arrays.copyOf(from, from.length * 2);
                    to = Arrays.copyOf(to, to.length * 2);
                }
                from[out.length()] = start;
                to[out.length()] = end;
                out.append(c);
            }
        }

        /** An override runs from U+202E to the next pop, or to the end of its line. */
        private void trackOverride(char c) {
            if (c == RIGHT_TO_LEFT_OVERRIDE && overrideStart < 0) {
                overrideStart = out.length();
            } else if (overrideStart >= 0 && (c == POP_DIRECTIONAL_FORMATTING || c == '\n' || c == '\r'
                    || c == '\u2029')) {
                if (out.length() > overrideStart) {
                    overrides.add(new int[] {overrideStart, out.length()});
                }
                overrideStart = -1;
            }
        }
    }
}
