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
 * One OpenNLP document categorizer over the nine doccat classes plus "none", trained on single sentences of
 * the phrase banks (or loaded from the {@link CategorizerCache}). It reads a text sentence by sentence: each sentence is featurised and scored
 * once, and a class's score for the text is its highest probability in any sentence, so the ordinary sentences
 * around a sensitive one neither dilute it nor, being "none" on their own, add a class. One model rather than one
 * binary model per class keeps a call within the latency budget; per-class thresholds chosen on the dev set
 * ({@code lexicons/doccat-thresholds.properties}) turn the scores into a set of classes.
 */
final class SensitivityModel {
    static final String NONE = "none";
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it");
    static final long SEED = 20_261_128L;
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

    /** Trains on the sentences of the phrase banks on the classpath, or loads it when cached, with the stored thresholds. */
    static SensitivityModel train() {
        return train(CategorizerCache.configured());
    }

    static SensitivityModel train(CategorizerCache cache) {
        long started = System.nanoTime();
        DocumentCategorizerME categorizer = Doccat.categorizer(cache, "sensitivity", SensitivityModel::samples,
                ITERATIONS, new WordAndPairFeatures(), new WordStemFeatures());
        return new SensitivityModel(categorizer, storedThresholds(), (System.nanoTime() - started) / 1e9);
    }

    private static List<DocumentSample> samples() {
        List<DocumentSample> samples = new ArrayList<>();
        for (LabelledText sentence : trainingCorpus()) {
            // Training reads the sentences as written: they hold the innocuous collocations as the "none"
            // examples they are meant to be.
            String[] words = words(Tokens.of(TextFolding.fold(sentence.text())));
            samples.add(new DocumentSample(sentence.classes().isEmpty() ? NONE : sentence.classes().getFirst(), words));
        }
        return samples;
    }

    static List<LabelledText> trainingCorpus() {
        List<LabelledText> corpus = new ArrayList<>();
        for (String lang : LANGUAGES) {
            corpus.addAll(SensitivityCorpus.sentences(phraseBank(lang), SEED));
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

    /**
     * The highest probability of each class in any of the prepared sentences ({@link ClassifierInput#sentences}),
     * indexed by {@link SensitivityClass#ordinal()}; 0 for classes not learnt.
     */
    double[] probabilities(List<String> sentences) {
        double[] byClass = new double[outcomeIndex.length];
        for (String sentence : sentences) {
            double[] outcomes = categorizer.categorize(words(Tokens.of(sentence)));
            for (int c = 0; c < outcomeIndex.length; c++) {
                if (outcomeIndex[c] >= 0) {
                    byClass[c] = Math.max(byClass[c], outcomes[outcomeIndex[c]]);
                }
            }
        }
        return byClass;
    }

    /** The bits of the classes whose probability reaches their threshold in some sentence. */
    int classBits(List<String> sentences) {
        double[] byClass = probabilities(sentences);
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
