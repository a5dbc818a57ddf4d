package dev.tollgate.pii.ner;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import net.datafaker.Faker;

/**
 * Word lists for the name finder's dictionary features: first names, last names, city words, country words and
 * company-form words (GmbH, LLC, S.A., ...) from Datafaker in the five languages. A fixed quarter of the words
 * is left out on purpose: the generated corpus draws its names from the same lists, and a model that saw every
 * training name in the gazetteer would learn to trust the list alone and miss names that are not in it.
 */
final class Gazetteer {
    private static final int DRAWS = 6_000;
    private static final Gazetteer SHARED = build();

    private final Map<String, String> kinds;

    private Gazetteer(Map<String, String> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    static Gazetteer shared() {
        return SHARED;
    }

    /** The list kinds the token is in, joined by '+' ("first+city"), or null. */
    String kinds(String token) {
        return kinds.get(token.toLowerCase(Locale.ROOT));
    }

    private static Gazetteer build() {
        Map<String, Set<String>> byWord = new HashMap<>();
        for (String language : TrainingCorpus.LANGUAGES) {
            Faker faker = new Faker(Locale.forLanguageTag(language), new Random(language.hashCode()));
            for (int i = 0; i < DRAWS; i++) {
                add(byWord, "first", faker.name().firstName());
                add(byWord, "last", faker.name().lastName());
                add(byWord, "city", faker.address().city());
                add(byWord, "city", faker.nation().capitalCity());
                add(byWord, "city", faker.address().state());
                add(byWord, "country", faker.address().country());
                add(byWord, "company", faker.company().suffix());
            }
        }
        Map<String, String> kinds = new HashMap<>();
        byWord.forEach((word, set) -> kinds.put(word, String.join("+", set)));
        return new Gazetteer(kinds);
    }

    private static void add(Map<String, Set<String>> byWord, String kind, String phrase) {
        for (String word : List.of(phrase.split("[\\s,.()'-]+"))) {
            if (word.length() > 1 && kept(word, kind)) {
                byWord.computeIfAbsent(word.toLowerCase(Locale.ROOT), w -> new TreeSet<>()).add(kind);
            }
        }
    }

    private static boolean kept(String word, String kind) {
        if (kind.equals("company")) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(word.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 4 != 0;
    }
}
