package dev.tollgate.classify;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The project's OpenNLP document categorizers, cut-off 1: trained in memory or loaded from {@link CategorizerCache}. */
final class Doccat {
    /**
     * OpenNLP's trainer logs every iteration at INFO; the service would print that at each start. Held in a
     * field so the level set on it is not lost when JUL drops an unreferenced logger.
     */
    private static final Logger TRAINER_LOG = Logger.getLogger("opennlp.tools.ml");
    private static final int CUTOFF = 1;

    private Doccat() {
    }

    /**
     * @param name what the model is for, a file name ({@link CategorizerCache})
     * @param samples made only when the model is trained
     * @param features the feature generators; word and word-pair features ({@link WordAndPairFeatures}) when none
     */
    static DocumentCategorizerME categorizer(CategorizerCache cache, String name, Supplier<List<DocumentSample>> samples,
                                             int iterations, FeatureGenerator... features) {
        FeatureGenerator[] generators = features.length == 0 ? new FeatureGenerator[] {new WordAndPairFeatures()} : features;
        String parameters = "iterations=" + iterations + " cutoff=" + CUTOFF + " features="
                + Arrays.stream(generators).map(g -> g.getClass().getName()).toList();
        return cache.categorizer(name, parameters, () -> train(name, samples.get(), iterations, generators));
    }

    private static DoccatModel train(String name, List<DocumentSample> samples, int iterations, FeatureGenerator[] features) {
        TRAINER_LOG.setLevel(Level.WARNING);
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        try {
            return DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(features));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot train the " + name + " model", e);
        }
    }
}
