package dev.tollgate.pii.ner;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.Span;

/**
 * Decodes a chunk token by token, taking the most probable outcome {@link BilouSequence} allows: the result of
 * OpenNLP's beam search at beam size 1, without its per-step copies of the outcome history (quadratic in the
 * chunk), priority queues and per-token regular expressions. It picks the outcome by its summed feature weights
 * and exponentiates only to score the pick, where GIS normalises every outcome with StrictMath. Like
 * {@code NameFinderME} it feeds each chunk's outcomes to the adaptive features (previous-map) and scores a name
 * by the mean probability of its tokens. One per thread: not thread-safe.
 */
final class GreedyNameFinder {
    private final AbstractModel model;
    private final Map<String, Context> weights;
    private final double[] sums;
    private final NameContextGenerator context;
    private final SequenceCodec<String> codec;
    private final Integer[] byScore;

    GreedyNameFinder(TokenNameFinderModel model) {
        this.model = model.getArtifact("nameFinder.model");
        this.weights = weights(this.model);
        this.sums = new double[this.model.getNumOutcomes()];
        this.context = model.getFactory().createContextGenerator();
        this.codec = model.getFactory().createSequenceCodec();
        this.byScore = new Integer[this.model.getNumOutcomes()];
    }

    /** The names in one chunk's tokens, each with the mean probability of its tokens' outcomes. */
    Span[] find(String[] tokens) {
        String[] outcomes = new String[tokens.length];
        double[] tokenProbabilities = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            // The context generator reads only the two outcomes before token i.
            sumWeights(context.getContext(i, tokens, outcomes, null));
            int best = bestValid(i == 0 ? null : outcomes[i - 1]);
            outcomes[i] = model.getOutcome(best);
            tokenProbabilities[i] = probability(best);
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

    /** A maximum-entropy model's score for an outcome: the sum of the weights its active features give it. */
    private void sumWeights(String[] features) {
        Arrays.fill(sums, 0);
        for (String feature : features) {
            Context weight = weights.get(feature);
            if (weight != null) {
                int[] outcomes = weight.getOutcomes();
                double[] parameters = weight.getParameters();
                for (int j = 0; j < outcomes.length; j++) {
                    sums[outcomes[j]] += parameters[j];
                }
            }
        }
    }

    /** The outcome's softmax probability, exp(s_best) / sum exp(s_j), shifted by s_best so nothing overflows. */
    private double probability(int outcome) {
        double total = 0;
        for (double sum : sums) {
            total += Math.exp(sum - sums[outcome]);
        }
        return 1 / total;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Context> weights(AbstractModel model) {
        if (!(model instanceof GISModel)) {
            throw new IllegalArgumentException("expected a maximum-entropy (GIS) name finder model");
        }
        return (Map<String, Context>) model.getDataStructures()[1];
    }

    void clearAdaptiveData() {
        context.clearAdaptiveData();
    }

    /** The best-scored outcome, unless it would break the BILOU sequence; then the best one that does not. */
    private int bestValid(String previous) {
        int best = 0;
        for (int o = 1; o < sums.length; o++) {
            if (sums[o] > sums[best]) {
                best = o;
            }
        }
        if (BilouSequence.mayFollow(previous, model.getOutcome(best))) {
            return best;
        }
        for (int o = 0; o < byScore.length; o++) {
            byScore[o] = o;
        }
        Arrays.sort(byScore, (a, b) -> Double.compare(sums[b], sums[a]));
        for (int o : byScore) {
            if (BilouSequence.mayFollow(previous, model.getOutcome(o))) {
                return o;
            }
        }
        return byScore[0];
    }
}
