package dev.tollgate.pii.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The generated NER training corpus: {@link TrainingTemplates} (whole templates and composed clauses, half each)
 * filled with Datafaker values and the {@link RegistryKnowledge}'s cities, given names and companies, languages
 * in turn, deterministic for a seed. Bump {@link #VERSION} when the generation changes in a way the templates' text does
 * not show (the model cache key also hashes the templates).
 */
public final class TrainingCorpus {
    public static final String VERSION = "corpus-9";
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it");

    private TrainingCorpus() {
    }

    public static List<AnnotatedText> generate(long seed, int count, RegistryKnowledge knowledge) {
        Map<String, FakeValues> values = new TreeMap<>();
        for (int i = 0; i < LANGUAGES.size(); i++) {
            values.put(LANGUAGES.get(i), new FakeValues(LANGUAGES.get(i), seed * 31 + i, knowledge));
        }
        Random random = new Random(seed);
        List<AnnotatedText> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String language = LANGUAGES.get(i % LANGUAGES.size());
            String template = random.nextBoolean() ? pick(random, TrainingTemplates.BY_LANGUAGE.get(language))
                    : composed(random, TrainingTemplates.CLAUSES.get(language));
            texts.add(TemplateFiller.fill(template, values.get(language)));
        }
        return texts;
    }

    private static String composed(Random random, List<String> clauses) {
        StringBuilder template = new StringBuilder(capitalised(pick(random, clauses)));
        int more = 1 + random.nextInt(2);
        for (int i = 0; i < more; i++) {
            String connector = pick(random, TrainingTemplates.CONNECTORS);
            String clause = pick(random, clauses);
            template.append(connector).append(connector.startsWith(".") ? capitalised(clause) : clause);
        }
        return template.append(random.nextBoolean() ? "." : "").toString();
    }

    private static String capitalised(String clause) {
        return clause.startsWith("{") ? clause : Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Changes whenever the templates change, for the model cache key. */
    static String fingerprint() {
        return VERSION + new TreeMap<>(TrainingTemplates.BY_LANGUAGE) + new TreeMap<>(TrainingTemplates.CLAUSES)
                + TrainingTemplates.CONNECTORS;
    }
}
