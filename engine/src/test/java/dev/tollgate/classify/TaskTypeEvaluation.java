package dev.tollgate.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores a task deriver on the labelled task sets under eval/tasks/ (dev.jsonl to tune on, test.jsonl to report),
 * each line {@code {"lang", "task", "text", "source"}}, written apart from lexicons/tasks/. A text without a derived
 * task (null) counts against the recall of its class and against no precision.
 */
final class TaskTypeEvaluation {
    static final List<String> TASKS = List.of("faq", "reasoning", "chat", "draft", "summarize", "extract", "classify");
    static final String ALL = "all";

    record Example(String lang, String task, String text) {
    }

    /** Hits, predictions and labels of one class in one language (or in all). */
    static final class Counts {
        int truePositives;
        int predicted;
        int labelled;

        double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        double recall() {
            return labelled == 0 ? 0 : (double) truePositives / labelled;
        }
    }

    /**
     * Language ("all" too) -> class ("all" too: accuracy as recall) -> counts; plus the misclassified texts. A class
     * never predicted prints its precision as "-".
     */
    record Scores(Map<String, Map<String, Counts>> byLanguage, List<String> errors) {
        Counts get(String lang, String task) {
            return byLanguage.get(lang).get(task);
        }

        void print(String title) {
            System.out.println(title);
            System.out.println("| Language | Class | Texts | Precision | Recall |");
            System.out.println("|----------|-------|-------|-----------|--------|");
            byLanguage.forEach((lang, classes) -> classes.forEach((task, c) -> System.out.printf(Locale.ROOT,
                    "| %s | %s | %d | %s | %.3f |%n", lang, task, c.labelled,
                    c.predicted == 0 ? "-" : String.format(Locale.ROOT, "%.3f", c.precision()), c.recall())));
            errors.forEach(e -> System.out.println("misclassified: " + e));
        }
    }

    private TaskTypeEvaluation() {
    }

    static List<Example> read(String part) {
        Path file = Path.of(System.getProperty("tollgate.root", "..")).resolve("eval/tasks/" + part + ".jsonl");
        ObjectMapper json = new ObjectMapper();
        List<Example> examples = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode node = json.readTree(line);
                examples.add(new Example(node.get("lang").asText(), node.get("task").asText(),
                        node.get("text").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    static Scores score(List<Example> examples, Function<String, String> derive) {
        Map<String, Map<String, Counts>> byLanguage = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Example example : examples) {
            String derived = derive.apply(example.text());
            for (String lang : List.of(example.lang(), ALL)) {
                Map<String, Counts> classes = byLanguage.computeIfAbsent(lang, l -> new TreeMap<>());
                for (String task : List.of(example.task(), ALL)) {
                    Counts counts = classes.computeIfAbsent(task, t -> new Counts());
                    counts.labelled++;
                    if (example.task().equals(derived)) {
                        counts.truePositives++;
                    }
                }
                if (derived != null) {
                    classes.computeIfAbsent(derived, t -> new Counts()).predicted++;
                    classes.get(ALL).predicted++;
                }
            }
            if (!Objects.equals(example.task(), derived)) {
                errors.add(example.lang() + " " + example.task() + " -> " + derived + ": " + example.text());
            }
        }
        return new Scores(byLanguage, errors);
    }
}
