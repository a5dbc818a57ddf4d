package dev.tollgate.pii.recognizers;

/**
 * A set of characters tested by table lookup. {@link Windows} calls it once per character of every text for
 * every recognizer, so it is a final class rather than a lambda, which would be a megamorphic call.
 */
final class CharClass {
    static final String DIGITS = "0123456789";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    /** Separators people put inside numbers; no-break spaces are covered by ' '. */
    static final String SEPARATORS = " -./";

    static final CharClass DIGIT = of(DIGITS);
    static final CharClass NUMERIC = of(DIGITS + SEPARATORS);
    static final CharClass UPPER_ALNUM = of(DIGITS + UPPER + SEPARATORS);
    static final CharClass ALNUM = of(DIGITS + UPPER + LOWER + SEPARATORS);

    private final boolean[] ascii = new boolean[128];
    private final boolean spaces;
    private final boolean unicodeLetters;

    private CharClass(String asciiChars, boolean unicodeLetters) {
        for (int i = 0; i < asciiChars.length(); i++) {
            ascii[asciiChars.charAt(i)] = true;
        }
        this.spaces = ascii[' '];
        this.unicodeLetters = unicodeLetters;
    }

    static CharClass of(String asciiChars) {
        return new CharClass(asciiChars, false);
    }

    /** The given ASCII characters plus every non-ASCII letter and digit. */
    static CharClass withUnicodeLetters(String asciiChars) {
        return new CharClass(asciiChars, true);
    }

    boolean test(char c) {
        if (c < 128) {
            return ascii[c];
        }
        if (spaces && (c == '\u00A0' || c == '\u202F')) {
            return true;
        }
        return unicodeLetters && Character.isLetterOrDigit(c);
    }
}
