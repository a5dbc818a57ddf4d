package dev.tollgate.pii.ner;

import dev.tollgate.pii.eval.ScoreTable;
import dev.tollgate.pii.eval.Scorer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.namefind.BilouCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the NER model from the generated corpus and prints a training report (per-type precision, recall and
 * F1 on a held-out tenth of the corpus), unless the model for the current generator and trainer is already
 * cached. Usage: {@code NerTrainer [repo-root]}; scripts/train-ner.sh runs it.
 */
public final class NerTrainer {
    private static final long SEED = 20_261_128L;
    private static final int TEXTS = 24_000;
    private static final int HELD_OUT_EVERY = 10;
    private static final int ITERATIONS = 100;
    private static final int CUTOFF = 2;
    /** One thread: GIS then sums in one order on every machine, and the model does not depend on the core count. */
    private static final int THREADS = 1;
    private static final double MIN_SCORE = 0.0;
    /** Held so the level set on it is not lost when JUL drops an unreferenced logger. */
    private static final Logger OPENNLP_LOG = Logger.getLogger("opennlp");

    private NerTrainer() {
    }

    public static void main(String[] args) throws IOException {
        OPENNLP_LOG.setLevel(Level.WARNING);
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path model = NerModelCache.modelFile(root);
        Path report = model.resolveSibling(model.getFileName().toString().replace(".bin", ".report.txt"));
        if (Files.exists(model) && Files.exists(report)) {
            System.out.println("NER model cached, training skipped");
        } else {
            RegistryKnowledge knowledge = RegistryKnowledge.load(RegistryKnowledge.directory(root));
            Files.writeString(report, train(model, knowledge), StandardCharsets.UTF_8);
        }
        System.out.print(Files.readString(report));
        System.out.println(model);
    }

    /** Trains, writes the model atomically to {@code modelFile} and returns the training report. */
    static String train(Path modelFile, RegistryKnowledge knowledge) throws IOException {
        List<AnnotatedText> corpus = TrainingCorpus.generate(SEED, TEXTS, knowledge);
        List<NameSample> training = new ArrayList<>();
        List<AnnotatedText> heldOut = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1) {
                heldOut.add(corpus.get(i));
            } else {
                training.addAll(NameSamples.of(corpus.get(i)));
            }
        }
        long started = System.nanoTime();
        TokenNameFinderModel model = trainModel(training, ITERATIONS, GazetteerBuilder.build(knowledge),
                commonWords(knowledge), MoreGivenNames.of(knowledge.moreGivenNames()));
        double seconds = (System.nanoTime() - started) / 1e9;
        Files.createDirectories(modelFile.getParent());
        Path partial = modelFile.resolveSibling(modelFile.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            model.serialize(out);
        }
        Files.move(partial, modelFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        Scorer scorer = new Scorer();
        NerRecognizer recognizer = new NerRecognizer(model, MIN_SCORE);
        for (AnnotatedText text : heldOut) {
            scorer.add(text.spans(), recognizer.recognize(text.text()));
        }
        return "NER training report\n"
                + String.format("model %s (%d KiB), %d training texts (%d chunks), %d held out, trained in %.0f s%n",
                        modelFile, Files.size(modelFile) / 1024, corpus.size() - heldOut.size(), training.size(),
                        heldOut.size(), seconds)
                + "knowledge sources:\n  " + String.join("\n  ", KnowledgeSources.lines(knowledge)) + "\n"
                + "held-out split (same template family as training, so an upper bound):\n"
                + ScoreTable.format(scorer);
    }

    /**
     * A maximum-entropy name finder over the project's feature configuration, carrying its gazetteer, the common
     * words and more given names (which no feature reads: the recognizer checks its findings against them).
     */
    static TokenNameFinderModel trainModel(List<NameSample> samples, int iterations, Gazetteer gazetteer,
                                           CommonWords commonWords, MoreGivenNames moreGivenNames)
            throws IOException {
        return NameFinderME.train("mul", null, ObjectStreamUtils.createObjectStream(samples), parameters(iterations),
                new TokenNameFinderFactory(NerFeatures.bytes(), Map.of(Gazetteer.ARTIFACT, gazetteer,
                        CommonWords.ARTIFACT, commonWords, MoreGivenNames.ARTIFACT, moreGivenNames),
                        new BilouCodec()));
    }

    /** The registry's word frequencies under their lookup key, the highest where two words meet. */
    static CommonWords commonWords(RegistryKnowledge knowledge) {
        Map<String, Double> keyed = new HashMap<>();
        knowledge.wordFrequencies().forEach((word, perMillion) ->
                keyed.merge(CommonWords.key(word), perMillion, Math::max));
        return new CommonWords(keyed);
    }

    private static TrainingParameters parameters(int iterations) {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, GISTrainer.MAXENT_VALUE);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        parameters.put(TrainingParameters.THREADS_PARAM, THREADS);
        return parameters;
    }
}
