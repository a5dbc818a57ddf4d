package dev.tollgate.pii.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.PiiDetector;
import dev.tollgate.pii.Recognizer;
import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.pii.ner.NerRecognizer;
import dev.tollgate.testing.Repo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local detector (patterns, rules and the NER model, as the service runs it) on the independent test set:
 * fails when an overlap F1 per language and type falls below its floor, or when more hard negatives get a false
 * name, place or organisation. Training is deterministic (one thread, fixed seeds, sorted inputs), so every
 * machine trains the same model for one cache key and a floor is the target where the measured figure
 * meets it, else the measured figure minus 0.02, and never lower than before; docs/pii.md says which are met. When the model changes, measure again and reset the floors.
 */
class IndependentSetEvaluationTest {
    private static final List<String> LANGUAGES = List.of("de", "en", "es", "fr", "it");
    /** Overlap F1 floors, per type, in the order of {@link #LANGUAGES}. */
    private static final Map<String, double[]> FLOORS = Map.of(
            "PERSON", new double[] {0.85, 0.85, 0.85, 0.83, 0.81},
            "LOCATION", new double[] {0.80, 0.80, 0.85, 0.80, 0.81},
            "ORGANIZATION", new double[] {0.69, 0.69, 0.70, 0.65, 0.617},
            "STREET_ADDRESS", new double[] {0.98, 0.94, 0.98, 0.98, 0.98},
            "CREDIT_CARD", new double[] {0.98, 0.98, 0.98, 0.98, 0.98});
    /** Share of hard negatives with a false name, place or organisation: 4.6% when set (round 10), plus 0.02. */
    private static final double MAX_HARD_NEGATIVE_RATE = 0.066;

    private static EvaluateCommand.Result result;
    private static HardNegatives.Rate hardNegatives;

    @BeforeAll
    static void evaluate() throws IOException {
        Path dir = IndependentSet.directory(Repo.ROOT);
        Recognizer local = PiiDetector.defaults().with(NerRecognizer.load(NerModelCache.modelFile(Repo.ROOT),
                DetectorRegistry.DEFAULT_NER_MIN_SCORE));
        result = EvaluateCommand.evaluate("local", local, LabelledSet.read(dir.resolve("test.jsonl")));
        hardNegatives = HardNegatives.rate("local", local, LabelledSet.read(dir.resolve("hard-negatives.jsonl")));
    }

    @Test
    void overlapF1PerLanguageAndTypeStaysAtOrAboveItsFloor() {
        List<String> below = new ArrayList<>();
        FLOORS.forEach((type, floors) -> {
            for (int i = 0; i < LANGUAGES.size(); i++) {
                double f1 = ScoreTable.f1(result.byLanguage().get(LANGUAGES.get(i)), Scorer.Matching.OVERLAP, type);
                if (f1 < floors[i]) {
                    below.add(String.format("%s %s %.3f < %.2f", LANGUAGES.get(i), type, f1, floors[i]));
                }
            }
        });
        assertTrue(below.isEmpty(), "below the floor: " + below);
    }

    @Test
    void fewHardNegativesGetAFalseNamePlaceOrOrganisation() {
        assertTrue(hardNegatives.overall() <= MAX_HARD_NEGATIVE_RATE, "false-entity rate " + hardNegatives.overall());
    }
}
