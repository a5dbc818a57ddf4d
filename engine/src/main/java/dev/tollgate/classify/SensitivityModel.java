package dev.tollgate.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;

/**
 * One OpenNLP document categorizer over the nine doccat classes plus "none", trained in memory from the
 * generated corpus. One model rather than one binary model per class: a text is featurised and scored once,
 * which keeps a call within the latency budget. A text with two classes is trained as two samples, one per
 * class, so the probability splits between them; per-class thresholds chosen on the dev set
 * ({@code lexicons/doccat-thresholds.properties}) then turn the distribution into a set of classes.
 */
final class SensitivityModel {
    static final String NONE = "none";
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it");
    static final long SEED = 20_261_128L;
    static final int TEXTS_PER_LANGUAGE = 2_000;
    private static final int ITERATIONS = 60;

    private final DocumentCategorizerME categorizer;
    private final int[] outcomeIndex;
    private final double[] thresholds;
    private final double trainingSeconds;

    private SensitivityModel(DocumentCategorizerME categorizer, double[] thresholds, double trainingSeconds) {
        this.categorizer = categorizer;
        this.thresholds = thresholds;
        this.trainingSeconds = trainingSeconds;
        outcomeIndex = new int[SensitivityClass.values().length];
        for (SensitivityClass cls : SensitivityClass.values()) {
            outcomeIndex[cls.ordinal()] = categorizer.getIndex(cls.label());
        }
    }

    /** Trains on the corpus composed from the phrase banks on the classpath, with the stored thresholds. */
    static SensitivityModel train() {
        long started = System.nanoTime();
        List<DocumentSample> samples = new ArrayList<>();
        for (LabelledText text : trainingCorpus()) {
            // Training reads the composed texts as written: they repeat no sentence and hold the innocuous
            // collocations as the "none" examples they are meant to be.
            String[] words = words(Tokens.of(TextFolding.fold(text.text())));
            if (text.classes().isEmpty()) {
                samples.add(new DocumentSample(NONE, words));
            }
            for (String cls : text.classes()) {
                samples.add(new DocumentSample(cls, words));
            }
        }
        DocumentCategorizerME categorizer = Doccat.train(samples, ITERATIONS, "sensitivity model");
        return new SensitivityModel(categorizer, storedThresholds(), (System.nanoTime() - started) / 1e9);
    }

    static List<LabelledText> trainingCorpus() {
        List<LabelledText> corpus = new ArrayList<>();
        for (String lang : LANGUAGES) {
            corpus.addAll(SensitivityCorpus.compose(phraseBank(lang), SEED, TEXTS_PER_LANGUAGE));
        }
        return corpus;
    }

    private static PhraseBank phraseBank(String lang) {
        String resource = "/lexicons/corpus/" + lang + ".txt";
        InputStream in = SensitivityModel.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("phrase bank missing from the classpath: " + resource);
        }
        return PhraseBank.read(lang, new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static double[] storedThresholds() {
        Properties stored = new Properties();
        try (InputStream in = SensitivityModel.class.getResourceAsStream("/lexicons/doccat-thresholds.properties")) {
            if (in == null) {
                throw new IllegalStateException("lexicons/doccat-thresholds.properties missing from the classpath");
            }
            stored.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] thresholds = new double[SensitivityClass.values().length];
        for (SensitivityClass cls : SensitivityClass.values()) {
            String value = stored.getProperty(cls.label());
            thresholds[cls.ordinal()] = value == null ? Double.POSITIVE_INFINITY : Double.parseDouble(value);
        }
        return thresholds;
    }

    /** Words of a raw text as the model sees them: prepared and split as for the lexicons. */
    static String[] words(String text) {
        return words(Tokens.of(ClassifierInput.prepare(text)));
    }

    static String[] words(Tokens tokens) {
        String[] words = new String[tokens.count()];
        for (int i = 0; i < words.length; i++) {
            words[i] = tokens.word(i);
        }
        return words;
    }

    /** The probability of each class, indexed by {@link SensitivityClass#ordinal()}; 0 for classes not learnt. */
    double[] probabilities(String[] words) {
        double[] outcomes = categorizer.categorize(words);
        double[] byClass = new double[outcomeIndex.length];
        for (int c = 0; c < outcomeIndex.length; c++) {
            byClass[c] = outcomeIndex[c] < 0 ? 0 : outcomes[outcomeIndex[c]];
        }
        return byClass;
    }

    /** The bits of the classes whose probability reaches their threshold. */
    int classBits(String[] words) {
        double[] byClass = probabilities(words);
        int bits = 0;
        for (int c = 0; c < byClass.length; c++) {
            if (byClass[c] >= thresholds[c]) {
                bits |= 1 << c;
            }
        }
        return bits;
    }

    double trainingSeconds() {
        return trainingSeconds;
    }
}
