package dev.tollgate.pii.ner;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import net.datafaker.Faker;

/**
 * Builds the {@link Gazetteer} at training: first names, last names, city words, country words and company-form
 * words (GmbH, LLC, S.A., ...) from Datafaker in the five languages and the name locales of {@link #NAME_LOCALES},
 * the country and city names of {@link PlaceNames} (ICU4J) in twenty languages, and the {@link RegistryKnowledge}:
 * GeoNames cities with their Latin, Greek and Cyrillic names, and given names from many countries. A fixed quarter
 * of the Datafaker words is left out on purpose: the generated corpus draws most of its names from the same lists,
 * and a model that saw every training name in the gazetteer would learn to trust the list alone and miss names
 * that are not in it. The ICU and registry lists, from which the corpus draws only some of its entities, are kept
 * whole, but for the ordinary words of the templates ("de", "the", "ist" are also cities or names somewhere),
 * which would otherwise fire on nearly every sentence.
 */
final class GazetteerBuilder {
    private static final int DRAWS = 6_000;
    /** Locales whose names users write with diacritics or other scripts (Datafaker lists). */
    static final List<String> NAME_LOCALES = List.of("pl", "hu", "cs", "fi-FI", "el-GR", "sv", "nl", "pt", "tr",
            "ru", "hr", "sk");

    private static final Pattern WORD_BREAK = Pattern.compile("[\\s,.()'-]+");

    private GazetteerBuilder() {
    }

    static Gazetteer build(RegistryKnowledge knowledge) {
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
        for (String locale : NAME_LOCALES) {
            Faker faker = new Faker(Locale.forLanguageTag(locale), new Random(locale.hashCode()));
            for (int i = 0; i < DRAWS / 4; i++) {
                add(byWord, "first", faker.name().firstName());
                add(byWord, "last", faker.name().lastName());
            }
        }
        for (String language : PlaceNames.DISPLAY_LANGUAGES) {
            PlaceNames.countries(language).forEach(name -> addAll(byWord, "country", name));
            PlaceNames.cities(language).forEach(name -> addAll(byWord, "city", name));
        }
        for (RegistryKnowledge.City city : knowledge.cities()) {
            addAll(byWord, "city", city.name());
            city.alternates().forEach(name -> addAll(byWord, "city", name));
        }
        knowledge.givenNames().forEach(name -> addAll(byWord, "first", name));
        // A listed company's first word is what tells it ("Zalando", "Adyen", "Siemens Energy").
        knowledge.companies().forEach(name -> addAll(byWord, "firm", WORD_BREAK.split(name)[0]));
        Set<String> ordinary = OrdinaryWords.of(TrainingTemplates.BY_LANGUAGE, TrainingTemplates.CLAUSES);
        Map<String, String> kinds = new HashMap<>();
        byWord.forEach((word, set) -> {
            if (!ordinary.contains(word)) {
                kinds.put(word, String.join("+", set));
            }
        });
        return new Gazetteer(kinds);
    }

    private static void add(Map<String, Set<String>> byWord, String kind, String phrase) {
        addWords(byWord, kind, phrase, true);
    }

    /** Adds every word: the corpus draws few of its entities from these lists, so none is held back. */
    private static void addAll(Map<String, Set<String>> byWord, String kind, String phrase) {
        addWords(byWord, kind, phrase, false);
    }

    private static void addWords(Map<String, Set<String>> byWord, String kind, String phrase, boolean holdBack) {
        for (String word : WORD_BREAK.split(phrase)) {
            if (word.length() > 1 && (!holdBack || kept(word, kind))) {
                byWord.computeIfAbsent(Gazetteer.fold(word), w -> new TreeSet<>()).add(kind);
            }
        }
    }

    private static boolean kept(String word, String kind) {
        if (kind.equals("company")) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(Gazetteer.fold(word).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 4 != 0;
    }
}
