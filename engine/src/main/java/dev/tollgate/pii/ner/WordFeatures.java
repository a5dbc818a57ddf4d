package dev.tollgate.pii.ner;

import java.util.List;
import java.util.Locale;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * The words, their shapes and their gazetteer kinds in a window around each token, in one generator. OpenNLP's
 * window generators recompute a token's lower case and class for every window it falls in (five times) and
 * allocate prefixed copies of each; here they are computed once per token of a sentence and only the final
 * feature strings are built. Words look two tokens either way, shapes and the gazetteer one; for a
 * token with a letter, word bigrams with each neighbour and its last three letters complete the set (fewer features,
 * less time per token: each costs a string, a hash lookup and a weight per outcome).
 */
public final class WordFeatures implements AdaptiveFeatureGenerator {
    private static final int WORD_WINDOW = 2;
    private static final int SHAPE_WINDOW = 1;
    private static final int GAZETTEER_WINDOW = 1;
    private static final String[] WORD = {"w-2=", "w-1=", "w=", "w+1=", "w+2="};
    private static final String[] SHAPE = {"s-2=", "s-1=", "s=", "s+1=", "s+2="};
    private static final String[] GAZ = {"g-1=", "g=", "g+1="};

    private final Gazetteer gazetteer;
    private String[] sentence;
    private String[] lower;
    private String[] shapes;
    private String[][] kinds;
    private boolean[] hasLetter;

    WordFeatures(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        if (tokens != sentence) {
            describe(tokens);
        }
        // A token without letters (digits, punctuation) sees only its neighbours: less work on number-heavy text.
        int window = hasLetter[index] ? WORD_WINDOW : 1;
        for (int offset = -window; offset <= window; offset++) {
            int at = index + offset;
            if (at >= 0 && at < tokens.length) {
                features.add(WORD[offset + WORD_WINDOW] + lower[at]);
                if (Math.abs(offset) <= SHAPE_WINDOW && (offset == 0 || hasLetter[index])) {
                    features.add(SHAPE[offset + WORD_WINDOW] + shapes[at]);
                }
            }
        }
        for (int offset = -GAZETTEER_WINDOW; offset <= GAZETTEER_WINDOW; offset++) {
            int at = index + offset;
            if (at >= 0 && at < tokens.length && kinds[at] != null) {
                for (String kind : kinds[at]) {
                    features.add(GAZ[offset + GAZETTEER_WINDOW] + kind);
                }
            }
        }
        features.add("w&s=" + lower[index] + "," + shapes[index]);
        if (!hasLetter[index]) {
            return;
        }
        if (lower[index].length() > 3) {
            features.add("suf=" + lower[index].substring(lower[index].length() - 3));
        }
        if (index > 0) {
            features.add("pw,w=" + lower[index - 1] + "," + lower[index]);
        }
        if (index + 1 < tokens.length) {
            features.add("w,nw=" + lower[index] + "," + lower[index + 1]);
        }
    }

    private void describe(String[] tokens) {
        sentence = tokens;
        lower = new String[tokens.length];
        shapes = new String[tokens.length];
        kinds = new String[tokens.length][];
        hasLetter = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            lower[i] = tokens[i].toLowerCase(Locale.ROOT);
            shapes[i] = WordShape.of(tokens[i]);
            // One feature per list, not one per combination: "city+first" alone would be a rare feature.
            String listed = gazetteer.kinds(tokens[i]);
            kinds[i] = listed == null ? null : listed.split("\\+");
            hasLetter[i] = !shapes[i].equals(WordShape.NO_LETTER) && !shapes[i].equals(WordShape.NUMBER);
        }
    }

    /**
     * Named by class in the feature generator XML stored in the model, so it needs a public no-arg constructor.
     * The gazetteer is the model's own artifact (the training resources while training).
     */
    public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
        @Override
        public AdaptiveFeatureGenerator create() throws InvalidFormatException {
            if (!(resourceManager.getResource(Gazetteer.ARTIFACT) instanceof Gazetteer gazetteer)) {
                throw new InvalidFormatException("the NER model has no " + Gazetteer.ARTIFACT + "; retrain it");
            }
            return new WordFeatures(gazetteer);
        }
    }
}
