package dev.tollgate.classify;

import dev.tollgate.TextResource;

import java.util.List;

/** Reads the term lines of a lexicon resource: one term a line, blank lines and {@code #} comments skipped. */
final class Lexicon {
    private Lexicon() {
    }

    static List<String> lines(String resource) {
        return TextResource.lines(Lexicon.class, resource);
    }
}
