package dev.tollgate.classify;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the lexicons and the categorizer read of a text: folded ({@link TextFolding}), each sentence once, and
 * the collocations of {@code lexicons/not-sensitive.txt} blanked. A sentence repeated hundreds of times is read
 * once, so repetition cannot pile weak evidence up into a class; "genetic programming" is not read as genetic.
 */
final class ClassifierInput {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:\\n])\\s+");
    private static final Pattern NOT_SENSITIVE = Lexicon.lines("/lexicons/not-sensitive.txt").stream()
            .map(ClassifierInput::phrasePattern)
            .collect(Collectors.collectingAndThen(Collectors.joining("|", "\\b(?:", ")\\b"), Pattern::compile));

    private ClassifierInput() {
    }

    static String prepare(String text) {
        return String.join(" ", sentences(text));
    }

    /** The distinct sentences of the text, folded, in order of first occurrence, collocations blanked. */
    static List<String> sentences(String text) {
        Set<String> sentences = new LinkedHashSet<>();
        for (String sentence : SENTENCE_END.split(TextFolding.fold(text))) {
            String read = NOT_SENSITIVE.matcher(sentence.strip()).replaceAll(" ").strip();
            if (!read.isEmpty()) {
                sentences.add(read);
            }
        }
        return List.copyOf(sentences);
    }

    /** A folded phrase whose words may be separated by any non-word characters; "word*" lets the word go on. */
    private static String phrasePattern(String line) {
        return Arrays.stream(line.strip().split("\\s+"))
                .map(w -> w.endsWith("*")
                        ? Pattern.quote(TextFolding.fold(w.substring(0, w.length() - 1))) + "\\w*"
                        : Pattern.quote(TextFolding.fold(w)))
                .collect(Collectors.joining("\\W+"));
    }
}
