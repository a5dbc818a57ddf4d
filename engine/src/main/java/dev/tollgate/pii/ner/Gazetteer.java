package dev.tollgate.pii.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import net.datafaker.Faker;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * Word lists for the name finder's dictionary features: first names, last names, city words, country words and
 * company-form words (GmbH, LLC, S.A., ...) from Datafaker in the five languages and the name locales of
 * {@link #NAME_LOCALES}, the country and city names of {@link PlaceNames} (ICU4J) in twenty languages, and the
 * {@link RegistryKnowledge}: GeoNames cities with their Latin, Greek and Cyrillic names, and given names from
 * many countries. A fixed quarter of the Datafaker words is left out on purpose: the generated corpus draws most
 * of its names from the same lists, and a model that saw every training name in the gazetteer would learn to trust
 * the list alone and miss names that are not in it. The ICU and registry lists, from which the corpus draws
 * only some of its entities, are kept whole, but for the ordinary words of the templates ("de", "the", "ist" are
 * also cities or names somewhere), which would otherwise fire on nearly every sentence. Lookups fold case and diacritics, so
 * "MÜNCHEN", "Munchen" and "münchen" meet. Built at training and stored in the model as the artifact
 * {@link #ARTIFACT}, so recognition uses exactly the lists the model was trained with.
 */
final class Gazetteer implements SerializableArtifact {
    static final String ARTIFACT = "tollgate.gazetteer";
    private static final int DRAWS = 6_000;
    /** Locales whose names users write with diacritics or other scripts (Datafaker lists). */
    static final List<String> NAME_LOCALES = List.of("pl", "hu", "cs", "fi-FI", "el-GR", "sv", "nl", "pt", "tr",
            "ru", "hr", "sk");

    private static final Pattern WORD_BREAK = Pattern.compile("[\\s,.()'-]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final Map<String, String> kinds;

    private Gazetteer(Map<String, String> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    /** The list kinds the token is in, joined by '+' ("first+city"), or null. */
    String kinds(String token) {
        return kinds.get(fold(token));
    }

    /** Lower case without diacritics; ASCII, the common case, takes no normaliser. */
    static String fold(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("")
                        .toLowerCase(Locale.ROOT);
            }
        }
        return word.toLowerCase(Locale.ROOT);
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

    @Override
    public Class<?> getArtifactSerializerClass() {
        return Serializer.class;
    }

    /** Writes the gazetteer into the model as "word TAB kinds" lines in word order; named in the model manifest. */
    public static final class Serializer implements ArtifactSerializer<Gazetteer> {
        @Override
        public Gazetteer create(InputStream in) throws IOException {
            Map<String, String> kinds = new HashMap<>();
            // Not closed: the stream is the model archive's, which OpenNLP reads on after this entry.
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                kinds.put(line.substring(0, tab), line.substring(tab + 1));
            }
            return new Gazetteer(kinds);
        }

        @Override
        public void serialize(Gazetteer gazetteer, OutputStream out) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> entry : new TreeMap<>(gazetteer.kinds).entrySet()) {
                writer.write(entry.getKey() + "\t" + entry.getValue() + "\n");
            }
            writer.flush();
        }
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
                byWord.computeIfAbsent(fold(word), w -> new TreeSet<>()).add(kind);
            }
        }
    }

    private static boolean kept(String word, String kind) {
        if (kind.equals("company")) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(fold(word).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 4 != 0;
    }
}
