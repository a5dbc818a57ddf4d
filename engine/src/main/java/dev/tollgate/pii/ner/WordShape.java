package dev.tollgate.pii.ner;

/**
 * A token's shape in one pass over its characters, no regular expression: case pattern ("lc" lower, "ic" initial
 * capital, "ac" all capitals, "mc" mixed), "num", "an" (letters and digits), "p" (no letter or digit), with the
 * script appended when it is not Latin ("ic:grek", "ac:cyrl") and "1" for a single character.
 */
final class WordShape {
    static final String NO_LETTER = "p";
    static final String NUMBER = "num";
    private WordShape() {
    }

    static String of(String token) {
        int letters = 0;
        int upper = 0;
        int digits = 0;
        boolean firstUpper = false;
        Character.UnicodeScript script = null;
        for (int i = 0; i < token.length(); ) {
            int c = token.codePointAt(i);
            if (Character.isLetter(c)) {
                if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                    upper++;
                    firstUpper |= letters == 0 && i == 0;
                }
                letters++;
                if (script == null && c >= 0x250) {
                    script = Character.UnicodeScript.of(c);
                }
            } else if (Character.isDigit(c)) {
                digits++;
            }
            i += Character.charCount(c);
        }
        String shape;
        if (letters == 0) {
            shape = digits == 0 ? NO_LETTER : NUMBER;
        } else if (digits > 0) {
            shape = "an";
        } else if (upper == 0) {
            shape = "lc";
        } else if (upper == letters) {
            shape = letters == 1 ? "ic1" : "ac";
        } else {
            shape = firstUpper && upper == 1 ? "ic" : "mc";
        }
        return script == null || script == Character.UnicodeScript.LATIN ? shape
                : shape + ":" + script.name().substring(0, 4).toLowerCase(java.util.Locale.ROOT);
    }
}
