package dev.tollgate.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scores the task-type classifier (stages 1 and 2) on eval/tasks/: prints precision and recall per class and
 * language for the dev part (tuned on) and the test part (reported in docs/classifiers.md), and fails when a test
 * figure falls below its floor, the figure measured when the table was written less 0.03.
 */
class TaskTypeEvaluationTest {
    private static final TaskTypeClassifier CLASSIFIER = new TaskTypeClassifier();

    /** Per class, over all languages: {precision, recall} floors. */
    private static final double[][] CLASS_FLOORS = {
            {0.303, 0.148}, // faq
            {0.720, 0.037}, // reasoning
            {0.845, 0.126}, // chat
            {0.970, 0.459}, // draft
            {0.927, 0.459}, // summarize
            {0.941, 0.726}, // extract
            {0.970, 0.014}, // classify
    };
    /** Per language (en, de, fr, es, it) and over all: the share of texts given their labelled task. */
    private static final double[] ACCURACY_FLOORS = {0.367, 0.240, 0.335, 0.272, 0.192, 0.281};
    private static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", TaskTypeEvaluation.ALL);

    @Test
    void precisionAndRecallStayAboveTheFloorsPerClassAndLanguage() {
        TaskTypeEvaluation.score(TaskTypeEvaluation.read("dev"), CLASSIFIER::derive).print("dev part");
        printDevSweep();
        List<TaskTypeEvaluation.Example> test = TaskTypeEvaluation.read("test");
        TaskTypeEvaluation.Scores scores = TaskTypeEvaluation.score(test, CLASSIFIER::derive);
        scores.print("test part");

        List<Executable> checks = new ArrayList<>();
        for (int t = 0; t < TaskTypeEvaluation.TASKS.size(); t++) {
            TaskTypeEvaluation.Counts counts = scores.get(TaskTypeEvaluation.ALL, TaskTypeEvaluation.TASKS.get(t));
            double[] floor = CLASS_FLOORS[t];
            String task = TaskTypeEvaluation.TASKS.get(t);
            checks.add(() -> assertTrue(counts.precision() >= floor[0], task + " precision " + counts.precision()));
            checks.add(() -> assertTrue(counts.recall() >= floor[1], task + " recall " + counts.recall()));
        }
        for (int l = 0; l < LANGUAGES.size(); l++) {
            String lang = LANGUAGES.get(l);
            double accuracy = scores.get(lang, TaskTypeEvaluation.ALL).recall();
            double floor = ACCURACY_FLOORS[l];
            checks.add(() -> assertTrue(accuracy >= floor, lang + " accuracy " + accuracy));
        }
        assertAll(checks);
        for (String lang : LANGUAGES.subList(0, 5)) {
            assertTrue(scores.get(lang, TaskTypeEvaluation.ALL).labelled >= 60, lang + " has at least 60 texts");
        }
        for (String task : TaskTypeEvaluation.TASKS) {
            assertTrue(scores.get(TaskTypeEvaluation.ALL, task).labelled >= 40, task + " is labelled in the set");
        }
    }


    /** How the categorizer's threshold was chosen: accuracy and precision on the dev part at each threshold. */
    private static void printDevSweep() {
        List<TaskTypeEvaluation.Example> dev = TaskTypeEvaluation.read("dev");
        for (double threshold = 0.15; threshold < 0.6; threshold += 0.05) {
            double min = threshold;
            TaskTypeEvaluation.Scores scores = TaskTypeEvaluation.score(dev, text -> {
                TaskTypeClassifier.Guess guess = CLASSIFIER.guess(text);
                return guess.probability() >= min ? guess.task() : null;
            });
            TaskTypeEvaluation.Counts all = scores.get(TaskTypeEvaluation.ALL, TaskTypeEvaluation.ALL);
            System.out.printf(java.util.Locale.ROOT, "threshold %.2f: dev accuracy %.3f, precision %.3f%n", threshold,
                    all.recall(), all.precision());
        }
    }

    /** The set is written apart from the training lexicons: no request of either part is a line of them. */
    @Test
    void theSetSharesNoLineWithTheTrainingLexicons() {
        Set<String> lexicons = new HashSet<>();
        for (String name : List.of("cues", "corpus")) {
            SectionedLexicon.read("/lexicons/tasks/" + name + ".txt").values()
                    .forEach(lines -> lines.forEach(line -> lexicons.add(TextFolding.fold(line).strip())));
        }
        List<String> shared = new ArrayList<>();
        for (String part : List.of("dev", "test")) {
            TaskTypeEvaluation.read(part).stream().map(e -> TextFolding.fold(e.text()).strip())
                    .filter(lexicons::contains).forEach(shared::add);
        }
        assertTrue(lexicons.size() > 300, "the lexicons were read");
        assertTrue(shared.isEmpty(), "lines shared with the lexicons: " + shared);
    }
}
