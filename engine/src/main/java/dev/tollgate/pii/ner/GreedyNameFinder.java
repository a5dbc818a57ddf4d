package dev.tollgate.pii.ner;

import java.util.Arrays;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;

/**
 * Decodes a chunk token by token, taking the most probable outcome the BILOU validator allows: the result of
 * OpenNLP's beam search at beam size 1, without its per-step copies of the outcome history (quadratic in the
 * chunk) and priority queues. Like {@code NameFinderME} it feeds each chunk's outcomes to the adaptive features
 * (previous-map) and scores a name by the mean probability of its tokens. One per thread: not thread-safe.
 */
final class GreedyNameFinder {
    private final MaxentModel model;
    private final NameContextGenerator context;
    private final SequenceValidator<String> validator;
    private final SequenceCodec<String> codec;
    private final Integer[] byProbability;

    GreedyNameFinder(TokenNameFinderModel model) {
        this.model = model.getArtifact("nameFinder.model");
        this.context = model.getFactory().createContextGenerator();
        this.codec = model.getFactory().createSequenceCodec();
        this.validator = codec.createSequenceValidator();
        this.byProbability = new Integer[this.model.getNumOutcomes()];
    }

    /** The names in one chunk's tokens, each with the mean probability of its tokens' outcomes. */
    Span[] find(String[] tokens) {
        String[] outcomes = new String[tokens.length];
        double[] tokenProbabilities = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            // The context generator and the validator read the outcomes so far from the end of the array.
            String[] history = Arrays.copyOf(outcomes, i);
            double[] probabilities = model.eval(context.getContext(i, tokens, history, null));
            int best = bestValid(i, tokens, history, probabilities);
            outcomes[i] = model.getOutcome(best);
            tokenProbabilities[i] = probabilities[best];
        }
        context.updateAdaptiveData(tokens, outcomes);
        Span[] names = codec.decode(Arrays.asList(outcomes));
        for (int n = 0; n < names.length; n++) {
            double sum = 0;
            for (int t = names[n].getStart(); t < names[n].getEnd(); t++) {
                sum += tokenProbabilities[t];
            }
            names[n] = new Span(names[n].getStart(), names[n].getEnd(), names[n].getType(), sum / names[n].length());
        }
        return names;
    }

    void clearAdaptiveData() {
        context.clearAdaptiveData();
    }

    /** The most probable outcome, unless it would break the BILOU sequence; then the best one that does not. */
    private int bestValid(int i, String[] tokens, String[] history, double[] probabilities) {
        int best = 0;
        for (int o = 1; o < probabilities.length; o++) {
            if (probabilities[o] > probabilities[best]) {
                best = o;
            }
        }
        if (validator.validSequence(i, tokens, history, model.getOutcome(best))) {
            return best;
        }
        for (int o = 0; o < byProbability.length; o++) {
            byProbability[o] = o;
        }
        Arrays.sort(byProbability, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        for (int o : byProbability) {
            if (validator.validSequence(i, tokens, history, model.getOutcome(o))) {
                return o;
            }
        }
        return byProbability[0];
    }
}
