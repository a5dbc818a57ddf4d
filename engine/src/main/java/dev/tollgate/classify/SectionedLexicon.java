package dev.tollgate.classify;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads a classpath file of {@code [section]} lines, in the phrase-bank format, sorted by section name. */
final class SectionedLexicon {
    private SectionedLexicon() {
    }

    /** @throws IllegalStateException when the resource is missing or a section is empty */
    static SortedMap<String, List<String>> read(String resource) {
        InputStream in = SectionedLexicon.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("lexicon missing from the classpath: " + resource);
        }
        SortedMap<String, List<String>> sections = new TreeMap<>(
                PhraseBank.read(resource, new InputStreamReader(in, StandardCharsets.UTF_8)).sections());
        if (sections.isEmpty() || sections.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalStateException("lexicon with an empty [section] or none: " + resource);
        }
        return sections;
    }
}
