package dev.tollgate.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Labels a text with sensitivity classes (English, German, French, Spanish, Italian): the eight GDPR
 * Art. 9(1) categories, "payment_card" and "phi".
 *
 * <p>Two sources, united: multilingual keyword lexicons, and an OpenNLP document categorizer trained
 * in memory from the project's generated corpus ({@link SensitivityModel}). The categorizer can only add
 * classes to what the lexicons find, never remove one. "phi" stays a lexicon decision: its patient or
 * identifier context beside health or genetic content, from either source.
 *
 * <p>Matching ignores case and accents and respects word boundaries; both sources read each sentence once and
 * skip known innocuous collocations ({@link ClassifierInput}); see also {@link Term#parse}. All lexicons are
 * compiled once, at construction, into one {@link TermMatcher}; the
 * model is trained (or loaded from the {@link CategorizerCache}) once per JVM, on first construction. An instance is immutable and safe to share
 * between threads.
 */
public final class SensitivityClassifier {
    /** Every class this classifier can report, iterated in sorted order. */
    public static final SortedSet<String> CLASSES = Collections.unmodifiableSortedSet(
            Arrays.stream(SensitivityClass.values()).map(SensitivityClass::label)
                    .collect(Collectors.toCollection(TreeSet::new)));

    private static final Set<String> SPECIAL_CATEGORIES = Arrays.stream(SensitivityClass.values())
            .filter(SensitivityClass::specialCategory).map(SensitivityClass::label)
            .collect(Collectors.toUnmodifiableSet());

    /** phi needs health or genetic content beside the patient or identifier context its lexicon lists. */
    private static final int PHI_CONTENT = SensitivityClass.HEALTH.bit() | SensitivityClass.GENETIC.bit();

    private static final SensitivityClass[] BY_LABEL = Arrays.stream(SensitivityClass.values())
            .sorted(Comparator.comparing(SensitivityClass::label)).toArray(SensitivityClass[]::new);

    private final TermMatcher matcher;
    private final TermMatcher carrierStatus;
    private final SensitivityModel model;

    /** Loads the lexicons from {@code lexicons/} on the classpath. */
    public SensitivityClassifier() {
        List<Term> terms = new ArrayList<>();
        for (SensitivityClass cls : SensitivityClass.values()) {
            for (String line : Lexicon.lines(cls.lexiconResource())) {
                terms.add(Term.parse(line, cls.bit()));
            }
        }
        matcher = new TermMatcher(terms);
        carrierStatus = new TermMatcher(Lexicon.lines("/lexicons/genetic-carrier.txt").stream()
                .map(line -> Term.parse(line, SensitivityClass.GENETIC.bit())).toList());
        model = TrainedModel.INSTANCE;
    }

    /** The sorted distinct classes found in the text; empty when none. */
    public List<String> classify(String text) {
        List<String> sentences = ClassifierInput.sentences(text);
        return labels(withPhi(lexiconMatches(sentences) | model.classBits(sentences)));
    }

    /** The classes whose lexicon terms occur, as bits, before phi is checked against content ({@link #withPhi}). */
    int lexiconMatches(String text) {
        return lexiconMatches(ClassifierInput.sentences(text));
    }

    /**
     * Sentence by sentence: a sentence about genetic carrier status (lexicons/genetic-carrier.txt) is genetic, and the
     * disease it names is not health, since a carrier does not have it.
     */
    private int lexiconMatches(List<String> sentences) {
        int found = 0;
        for (String sentence : sentences) {
            Tokens tokens = Tokens.of(sentence);
            int carrier = carrierStatus.match(tokens);
            found |= carrier == 0 ? matcher.match(tokens) : (matcher.match(tokens) & ~SensitivityClass.HEALTH.bit()) | carrier;
        }
        return found;
    }

    SensitivityModel model() {
        return model;
    }

    /** Drops phi unless health or genetic content backs its context. */
    static int withPhi(int found) {
        return (found & PHI_CONTENT) == 0 ? found & ~SensitivityClass.PHI.bit() : found;
    }

    /** The labels of the class bits, sorted. */
    static List<String> labels(int found) {
        if (found == 0) {
            return List.of();
        }
        List<String> classes = new ArrayList<>(Integer.bitCount(found));
        for (SensitivityClass cls : BY_LABEL) {
            if ((found & cls.bit()) != 0) {
                classes.add(cls.label());
            }
        }
        return List.copyOf(classes);
    }

    /** Trains the model once, when a classifier is first made, not when the class is merely loaded. */
    private static final class TrainedModel {
        static final SensitivityModel INSTANCE = SensitivityModel.train();
    }

    /** True for the eight special categories of GDPR Art. 9(1); false for "payment_card", "phi", anything else and null. */
    public static boolean isSpecialCategory(String cls) {
        return cls != null && SPECIAL_CATEGORIES.contains(cls);
    }
}
