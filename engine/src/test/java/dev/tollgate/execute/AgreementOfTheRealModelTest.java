package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.execute.GenerationRequest.Sampling;
import dev.tollgate.execute.slm.SlmExecutor;
import dev.tollgate.execute.slm.SlmSettings;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consistency check's agreement on the real SmolLM2-135M-Instruct, sampled as the cascade samples it (3 seeds,
 * temperature {@link StrategyRunner#SAMPLING_TEMPERATURE}), 32 tokens each.
 */
class AgreementOfTheRealModelTest {
    private static SlmExecutor model;

    @BeforeAll
    static void load() {
        model = SlmExecutor.load("slm-local", new SlmSettings(Path.of(TestService.slmModel()), 2048, 1, 4,
                Duration.ofSeconds(60)));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static double agreement(String question) throws ExecutorException {
        GenerationRequest request = new GenerationRequest(List.of(new Message("user", question)), 32);
        List<String> samples = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            samples.add(model.generate(request.sampled(new Sampling(StrategyRunner.SAMPLING_TEMPERATURE, seed))).text());
        }
        double agreement = Agreement.of(samples);
        System.out.printf("agreement of 3 samples, 32 tokens: %.3f for \"%s\"%n", agreement, question);
        return agreement;
    }

    /**
     * The shipped routing table checks translations with 3 samples and escalates below an agreement of 0.4: the tiny
     * model's sampled translations fall apart, which is what the check is there to catch. The other questions are
     * measured for docs/execution.md (printed, not asserted: on this model they do not separate answers it knows
     * from answers it invents).
     */
    @Test
    void sampledTranslationsAgreeBelowTheShippedThresholdAndTheFigureRepeats() throws ExecutorException {
        String translation = "Translate into German: Good morning.";
        double agreement = agreement(translation);

        assertTrue(agreement < 0.4, "agreement " + agreement);
        assertEquals(agreement, agreement(translation), "seeded samples give the same figure");
        for (String question : List.of("What is the capital of France?", "What colour is the sky on a clear day?",
                "Count from 1 to 10 separated by commas.", "Invent a name for a new colour.",
                "Write a long story about a lighthouse keeper.")) {
            agreement(question);
        }
    }
}
