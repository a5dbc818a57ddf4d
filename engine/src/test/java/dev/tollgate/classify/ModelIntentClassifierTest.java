package dev.tollgate.classify;

import dev.tollgate.execute.slm.SlmExecutor;
import dev.tollgate.execute.slm.SlmSettings;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stage 2b with the real SmolLM2-135M-Instruct: its label for every text of eval/tasks/test.jsonl, scored alone and
 * as the stage after cues and categorizer (what the service does when the budget is set). Prints both tables
 * (docs/classifiers.md).
 */
class ModelIntentClassifierTest {
    private static SlmExecutor slm;

    @BeforeAll
    static void load() {
        slm = SlmExecutor.load("slm-local", new SlmSettings(Path.of(TestService.slmModel()), 2048, 1, 8,
                Duration.ofSeconds(60)));
    }

    @AfterAll
    static void close() {
        slm.close();
    }

    @Test
    void scoresTheOnDeviceModelOnTheTestSet() {
        ModelIntentClassifier model = new ModelIntentClassifier(slm::choose, Duration.ofSeconds(60));
        TaskTypeClassifier cheapStages = new TaskTypeClassifier();
        List<TaskTypeEvaluation.Example> test = TaskTypeEvaluation.read("test");
        Map<String, String> asked = new HashMap<>();
        test.forEach(e -> asked.put(e.text(), model.ask(e.text())));

        TaskTypeEvaluation.Scores alone = TaskTypeEvaluation.score(test, asked::get);
        alone.print("on-device model alone");
        TaskTypeEvaluation.Scores staged = TaskTypeEvaluation.score(test, text -> {
            String settled = cheapStages.derive(text);
            return settled != null ? settled : asked.get(text);
        });
        staged.print("stages 1 and 2, then the on-device model");

        assertTrue(asked.values().stream().allMatch(l -> l == null || ModelIntentClassifier.LABELS.contains(l)));
        String first = test.getFirst().text();
        assertEquals(asked.get(first), model.ask(first), "greedy: the same text gets the same label");
    }

    @Test
    void noAnswerWithinTheBudgetDerivesNothing() {
        CountDownLatch never = new CountDownLatch(1);
        ModelIntentClassifier.Chooser busy = (system, user, choices) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "faq";
        };
        assertNull(new ModelIntentClassifier(busy, Duration.ofMillis(20)).ask("When do you open?"));
    }
}
