package dev.tollgate.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;

/**
 * Derives the task type of a request from its text, in stages (English, German, French, Spanish, Italian).
 *
 * <ol>
 *   <li>Cue words ({@code lexicons/tasks/cues.txt}): "write code", "step by step", "translate", "summarise",
 *       "draft", "extract", "classify" and their translations settle the task on their own. When cues of several
 *       tasks occur, the most demanding wins, in the order of {@link #CUE_TASKS}.</li>
 *   <li>What no cue settles goes to an OpenNLP document categorizer trained in memory on the project's requests
 *       ({@code lexicons/tasks/corpus.txt}: faq, reasoning, chat, draft, summarize, extract, classify); its best
 *       category is the task when its probability reaches {@link #MIN_PROBABILITY} (chosen on eval/tasks/dev.jsonl,
 *       docs/classifiers.md). Below that the text gives no clear sign of its task (a document pasted without a
 *       request reads as any of them), and no task is derived: the declared one stands alone rather than a guess
 *       deciding the route. The categorizer reads each sentence once ({@link ClassifierInput}) and only the first
 *       and the last {@link #REQUEST_WORDS} words, where a request states what it wants: over a long or repetitive
 *       document its evidence would pile up until any guess looked certain.</li>
 *   <li>(2b, off by default) What the categorizer leaves unsettled goes to the on-device model, asked a closed
 *       question within the routing policy's latency budget ({@link ModelIntentClassifier}).</li>
 * </ol>
 * Training reads the corpus in a fixed order and draws no random numbers, so every instance derives the same
 * task for the same text from stages 1 and 2. Safe to share between threads.
 */
public final class TaskTypeClassifier {
    /** Tasks cue words settle, most demanding first. */
    public static final List<String> CUE_TASKS = List.of("code", "reasoning", "translate", "summarize", "draft",
            "extract", "classify");
    static final double MIN_PROBABILITY = 0.35;
    static final int REQUEST_WORDS = 48;
    private static final int ITERATIONS = 100;

    private final TermMatcher cues;
    private final DocumentCategorizerME categorizer;
    private final ModelIntentClassifier model;

    /** Stages 1 and 2 only. */
    public TaskTypeClassifier() {
        this(null);
    }

    /** @param model stage 2b, asked what stages 1 and 2 cannot settle; null: not asked */
    public TaskTypeClassifier(ModelIntentClassifier model) {
        this(model, CategorizerCache.configured());
    }

    TaskTypeClassifier(ModelIntentClassifier model, CategorizerCache cache) {
        this.model = model;
        Map<String, List<String>> cueSections = sections("cues");
        List<Term> terms = new ArrayList<>();
        for (int t = 0; t < CUE_TASKS.size(); t++) {
            int bit = 1 << t;
            cueSections.get(CUE_TASKS.get(t)).forEach(line -> terms.add(Term.parse(line, bit)));
        }
        cues = new TermMatcher(terms);
        categorizer = Doccat.categorizer(cache, "task-type", () -> samples(sections("corpus")), ITERATIONS);
    }

    /** The task type the text asks for; null when no stage can tell. */
    public String derive(String text) {
        Guess guess = guess(text);
        if (guess.probability() >= MIN_PROBABILITY) {
            return guess.task();
        }
        return model == null ? null : model.ask(text);
    }

    /** A task and how sure the stage that named it is: 1 for a cue word, else the categorizer's probability. */
    record Guess(String task, double probability) {
    }

    Guess guess(String text) {
        Tokens tokens = Tokens.of(TextFolding.fold(text));
        int found = cues.match(tokens);
        if (found != 0) {
            return new Guess(CUE_TASKS.get(Integer.numberOfTrailingZeros(found)), 1);
        }
        double[] probabilities = categorizer.categorize(ends(SensitivityModel.words(ClassifierInput.prepare(text))));
        String best = categorizer.getBestCategory(probabilities);
        return new Guess(best, probabilities[categorizer.getIndex(best)]);
    }

    private static String[] ends(String[] words) {
        if (words.length <= 2 * REQUEST_WORDS) {
            return words;
        }
        String[] ends = Arrays.copyOf(words, 2 * REQUEST_WORDS);
        System.arraycopy(words, words.length - REQUEST_WORDS, ends, REQUEST_WORDS, REQUEST_WORDS);
        return ends;
    }

    private static List<DocumentSample> samples(SortedMap<String, List<String>> corpus) {
        List<DocumentSample> samples = new ArrayList<>();
        corpus.forEach((task, lines) -> lines.forEach(
                line -> samples.add(new DocumentSample(task, SensitivityModel.words(line)))));
        return samples;
    }

    private static SortedMap<String, List<String>> sections(String name) {
        return SectionedLexicon.read("/lexicons/tasks/" + name + ".txt");
    }
}
