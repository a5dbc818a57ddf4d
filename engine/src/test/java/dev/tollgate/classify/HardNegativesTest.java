package dev.tollgate.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * eval/sensitivity/hard-negatives.jsonl: texts with no special category that look like one to a bag of words
 * (innocuous sentences repeated hundreds of times, board minutes, business and technical text, "genetic
 * programming"), in five languages, written apart from training. A line's optional {@code repeat} says how many
 * times its text is repeated to make the request. hard-negatives-dev.jsonl, written apart from both, takes part in
 * choosing the categorizer's thresholds (DoccatThresholdsTest); this set is only scored.
 */
class HardNegativesTest {
    /**
     * At most this share of hard negatives may carry a false GDPR Art. 9 label: the target of issue 12, which is
     * also the measured rate (2 of 100), so a change that adds one false label fails.
     */
    static final double MAX_FALSE_SPECIAL_RATE = 0.02;

    private static final SensitivityClassifier CLASSIFIER = new SensitivityClassifier();

    @Test
    void atMostTwoPercentOfHardNegativesGetASpecialCategory() throws IOException {
        List<String> texts = hardNegatives();
        List<String> falseLabels = new ArrayList<>();
        for (String text : texts) {
            List<String> special = CLASSIFIER.classify(text).stream().filter(SensitivityClassifier::isSpecialCategory).toList();
            if (!special.isEmpty()) {
                falseLabels.add(special + " on: " + text.substring(0, Math.min(80, text.length())));
            }
        }
        double rate = (double) falseLabels.size() / texts.size();
        System.out.printf(Locale.ROOT, "Hard negatives: %d texts, %d with a false special category (%.3f)%n",
                texts.size(), falseLabels.size(), rate);
        falseLabels.forEach(System.out::println);
        assertTrue(rate <= MAX_FALSE_SPECIAL_RATE, "false special-category rate " + rate + ": " + falseLabels);
    }

    @Test
    void hardNegativesShareNoSentenceWithTraining() throws IOException {
        List<String> training = SensitivityModel.trainingCorpus().stream().map(LabelledText::text).toList();
        List<String> both = new ArrayList<>(hardNegatives());
        both.addAll(hardNegatives("hard-negatives-dev.jsonl"));
        for (String text : both) {
            String sentence = text.strip().split("(?<=[.!?]) ")[0];
            assertFalse(training.stream().anyMatch(t -> t.contains(sentence)), "in training: " + sentence);
        }
    }

    static List<String> hardNegatives() throws IOException {
        return hardNegatives("hard-negatives.jsonl");
    }

    static List<String> hardNegatives(String file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(EvalSets.dir().resolve(file), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                texts.add(node.get("text").asText().repeat(node.path("repeat").asInt(1)).strip());
            }
        }
        return texts;
    }
}
