package dev.tollgate.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Derives the task type of a request from its text, in two stages (English, German, French, Spanish, Italian).
 *
 * <ol>
 *   <li>Cue words ({@code lexicons/tasks/cues.txt}): "write code", "step by step", "translate", "summarise",
 *       "draft", "extract", "classify" and their translations settle the task on their own. When cues of several
 *       tasks occur, the most demanding wins, in the order of {@link #CUE_TASKS}.</li>
 *   <li>What no cue settles goes to an OpenNLP document categorizer trained in memory on the project's requests
 *       ({@code lexicons/tasks/corpus.txt}: faq, reasoning, chat, draft); its best category is the task.</li>
 * </ol>
 * Training reads the corpus in a fixed order and draws no random numbers, so every instance derives the same
 * task for the same text. Immutable and safe to share between threads.
 */
public final class TaskTypeClassifier {
    /** Tasks cue words settle, most demanding first. */
    public static final List<String> CUE_TASKS = List.of("code", "reasoning", "translate", "summarize", "draft",
            "extract", "classify");
    private static final int ITERATIONS = 100;
    /** Keeps OpenNLP's per-iteration INFO lines out of the service log; held so JUL does not drop the level. */
    private static final Logger TRAINER_LOG = Logger.getLogger("opennlp.tools.ml");

    private final TermMatcher cues;
    private final DocumentCategorizerME categorizer;

    public TaskTypeClassifier() {
        TRAINER_LOG.setLevel(Level.WARNING);
        Map<String, List<String>> cueSections = sections("cues");
        List<Term> terms = new ArrayList<>();
        for (int t = 0; t < CUE_TASKS.size(); t++) {
            int bit = 1 << t;
            cueSections.get(CUE_TASKS.get(t)).forEach(line -> terms.add(Term.parse(line, bit)));
        }
        cues = new TermMatcher(terms);
        categorizer = new DocumentCategorizerME(train(sections("corpus")));
    }

    /** The task type the text asks for. */
    public String derive(String text) {
        Tokens tokens = Tokens.of(TextFolding.fold(text));
        int found = cues.match(tokens);
        if (found != 0) {
            return CUE_TASKS.get(Integer.numberOfTrailingZeros(found));
        }
        return categorizer.getBestCategory(categorizer.categorize(SensitivityModel.words(tokens)));
    }

    private static DoccatModel train(SortedMap<String, List<String>> corpus) {
        List<DocumentSample> samples = new ArrayList<>();
        corpus.forEach((task, lines) -> lines.forEach(
                line -> samples.add(new DocumentSample(task, SensitivityModel.words(line)))));
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        try {
            return DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(new FeatureGenerator[] {new WordAndPairFeatures()}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot train the task type model", e);
        }
    }

    private static SortedMap<String, List<String>> sections(String name) {
        return SectionedLexicon.read("/lexicons/tasks/" + name + ".txt");
    }
}
