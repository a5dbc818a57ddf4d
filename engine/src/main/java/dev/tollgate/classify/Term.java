package dev.tollgate.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexicon term compiled to the word patterns it must match in sequence, and the class it signals.
 *
 * @param classBit the bit of the class in {@link SensitivityClass#bit()}
 * @param words    one or more word patterns, matched against consecutive words of the text
 */
record Term(int classBit, List<WordPattern> words) {
    Term {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a term needs at least one word");
        }
    }

    /**
     * Compiles a lexicon line. Words are separated by white space; a leading or trailing {@code *}
     * on a word makes it a suffix or prefix pattern. The rest is folded and split like the text
     * it will be matched against, so "x-ray" and "d'ansia" become two words each.
     */
    static Term parse(String line, int classBit) {
        List<WordPattern> words = new ArrayList<>();
        for (String written : line.trim().split("\\s+")) {
            boolean suffix = written.startsWith("*");
            boolean prefix = written.endsWith("*") && written.length() > 1;
            if (suffix && prefix) {
                throw new IllegalArgumentException("a word may not be both prefix and suffix: " + line);
            }
            String core = written.substring(suffix ? 1 : 0, written.length() - (prefix ? 1 : 0));
            Tokens pieces = Tokens.of(TextFolding.fold(core));
            if (pieces.count() == 0) {
                throw new IllegalArgumentException("no letters or digits in: " + line);
            }
            for (int i = 0; i < pieces.count(); i++) {
                WordPattern.Kind kind = WordPattern.Kind.WORD;
                if (suffix && i == 0) {
                    kind = WordPattern.Kind.SUFFIX;
                } else if (prefix && i == pieces.count() - 1) {
                    kind = WordPattern.Kind.PREFIX;
                }
                words.add(new WordPattern(pieces.word(i), kind));
            }
        }
        return new Term(classBit, words);
    }

    /** True when words 1..n of this term match the text words following {@code first}. */
    boolean restMatches(Tokens tokens, int first) {
        if (first + words.size() > tokens.count()) {
            return false;
        }
        for (int w = 1; w < words.size(); w++) {
            if (!words.get(w).matches(tokens, first + w)) {
                return false;
            }
        }
        return true;
    }
}
