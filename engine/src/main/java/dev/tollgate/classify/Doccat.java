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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Trains the project's OpenNLP document categorizers in memory, cut-off 1. */
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
     * @param what what the model is for, to name it when training fails
     * @param features the feature generators; word and word-pair features ({@link WordAndPairFeatures}) when none
     */
    static DocumentCategorizerME train(List<DocumentSample> samples, int iterations, String what, FeatureGenerator... features) {
        TRAINER_LOG.setLevel(Level.WARNING);
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        try {
            DoccatModel model = DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples),
                    params, new DoccatFactory(features.length == 0 ? new FeatureGenerator[] {new WordAndPairFeatures()} : features));
            return new DocumentCategorizerME(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot train the " + what, e);
        }
    }
}
