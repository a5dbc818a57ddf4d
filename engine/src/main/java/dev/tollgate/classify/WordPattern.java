package dev.tollgate.classify;

/**
 * One word of a lexicon term, folded: the whole word, a prefix (written {@code diabet*}) or a
 * suffix (written {@code *krebs}, for the heads of German compounds such as "Lungenkrebs").
 * A prefix or suffix also matches the bare word itself.
 */
record WordPattern(String text, Kind kind) {
    enum Kind { WORD, PREFIX, SUFFIX }

    WordPattern {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty word pattern");
        }
    }

    boolean matches(Tokens tokens, int index) {
        int start = tokens.start(index);
        int length = tokens.end(index) - start;
        int own = text.length();
        return switch (kind) {
            case WORD -> length == own && tokens.text().regionMatches(start, text, 0, own);
            case PREFIX -> length >= own && tokens.text().regionMatches(start, text, 0, own);
            case SUFFIX -> length >= own && tokens.text().regionMatches(start + length - own, text, 0, own);
        };
    }
}
