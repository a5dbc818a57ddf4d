package dev.tollgate.pii;

import dev.tollgate.TextResource;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A set of lower-case words read from a class-path resource: words separated by spaces, '#' starts a comment line. */
public final class WordList {
    private WordList() {
    }

    public static Set<String> load(String resource) {
        return TextResource.lines(WordList.class, resource).stream()
                .flatMap(line -> Arrays.stream(line.split("\\s+")))
                .map(word -> word.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
