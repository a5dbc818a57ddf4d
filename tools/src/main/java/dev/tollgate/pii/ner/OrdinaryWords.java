package dev.tollgate.pii.ner;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The words the training templates write in lower case outside their slots ("de", "the", "ist", "hier"): function
 * words and common words of the five languages, which the gazetteer must not call a city or a name even though
 * some town or person somewhere bears them.
 */
final class OrdinaryWords {
    private static final Pattern SLOT = Pattern.compile("\\{[A-Z]+}");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

    private OrdinaryWords() {
    }

    @SafeVarargs
    static Set<String> of(Map<String, List<String>>... templatesByLanguage) {
        Set<String> words = new TreeSet<>();
        for (Map<String, List<String>> templates : templatesByLanguage) {
            templates.values().stream().flatMap(List::stream)
                    .flatMap(template -> NON_LETTERS.splitAsStream(SLOT.matcher(template).replaceAll(" ")))
                    .filter(word -> word.length() > 1 && word.equals(word.toLowerCase(Locale.ROOT)))
                    .map(Gazetteer::fold)
                    .forEach(words::add);
        }
        return words;
    }
}
