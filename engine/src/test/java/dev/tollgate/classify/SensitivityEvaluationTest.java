package dev.tollgate.classify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scores lexicons alone, the document categorizer alone and both united on eval/sensitivity/test.jsonl, which
 * training never saw, and prints the tables docs/pii.md carries: by class, and by language and Art. 9 class.
 */
class SensitivityEvaluationTest {
    /** The target of issue 12: precision and recall of every Art. 9 class in every language. */
    static final double TARGET = 0.85;

    /**
     * Precision / recall floors per Art. 9 class, in the order of {@link SensitivityModel#LANGUAGES} (en de fr es it).
     * Where a cell reached the target its floor is the target; where it did not, the floor is the measured figure less
     * 0.03, so a change that loses ground fails while the gap stays visible here and in docs/pii.md. Training is
     * seeded and single-threaded, so the figures reproduce exactly. Below target today (17 of 40 cells): biometric
     * recall in English and Spanish (0.82, 0.76), genetic recall in German (0.83), health in every language (precision
     * 0.78 to 0.84; recall 0.64 to 0.77 outside English), political-opinion recall outside English (0.60 to 0.82),
     * religious beliefs (fr precision 0.78, es 0.81 / 0.85, it recall 0.77), sex-life recall in Italian (0.83) and
     * trade-union recall in English (0.82). Spanish religious precision is the one cell that fell in round 5 (0.84 to
     * 0.81).
     */
    static final List<String> FLOORS = List.of(
            "biometric              0.85/0.79 0.85/0.85 0.85/0.85 0.85/0.73 0.85/0.85",
            "genetic                0.85/0.85 0.85/0.80 0.85/0.85 0.85/0.85 0.85/0.85",
            "health                 0.79/0.85 0.81/0.70 0.80/0.74 0.79/0.72 0.75/0.61",
            "political_opinions     0.85/0.85 0.85/0.57 0.85/0.73 0.85/0.79 0.85/0.76",
            "racial_ethnic_origin   0.85/0.85 0.85/0.85 0.85/0.85 0.85/0.85 0.85/0.85",
            "religious_beliefs      0.85/0.85 0.85/0.85 0.75/0.85 0.78/0.82 0.85/0.74",
            "sex_life_orientation   0.85/0.85 0.85/0.85 0.85/0.85 0.85/0.85 0.85/0.80",
            "trade_union_membership 0.85/0.79 0.85/0.85 0.85/0.85 0.85/0.85 0.85/0.85");

    private static final SensitivityClassifier CLASSIFIER = new SensitivityClassifier();

    @Test
    void unionIsNoWorseThanLexiconsAndKeepsEachLanguageAndArticle9ClassAboveItsFloors() {
        List<LabelledText> test = EvalSets.test();
        ClassScores lexicon = scoreOnTest(test, SensitivityEvaluation.lexiconOnly(CLASSIFIER));
        ClassScores doccat = scoreOnTest(test, SensitivityEvaluation.doccatOnly(CLASSIFIER));
        ClassScores combined = scoreOnTest(test, CLASSIFIER::classify);
        System.out.printf("Sensitivity classes on eval/sensitivity/test.jsonl (%d texts), model trained in %.1f s%n",
                test.size(), CLASSIFIER.model().trainingSeconds());
        System.out.print(SensitivityEvaluation.table(lexicon, doccat, combined));
        System.out.print(SensitivityEvaluation.languageTable(test, CLASSIFIER::classify));

        assertTrue(combined.macroF1() >= lexicon.macroF1(),
                "combined macro-F1 " + combined.macroF1() + " < lexicon " + lexicon.macroF1());
        for (String cls : SensitivityClassifier.CLASSES) {
            assertTrue(combined.of(cls).recall() >= lexicon.of(cls).recall(), cls + ": the union lost recall");
        }
        Map<String, ClassScores> byLanguage = SensitivityEvaluation.byLanguage(test, CLASSIFIER::classify);
        List<String> below = new ArrayList<>();
        for (String row : FLOORS) {
            String[] cells = row.trim().split("\\s+");
            for (int l = 0; l < SensitivityModel.LANGUAGES.size(); l++) {
                String lang = SensitivityModel.LANGUAGES.get(l);
                String[] floor = cells[l + 1].split("/");
                ClassScores.Counts counts = byLanguage.get(lang).of(cells[0]);
                assertTrue(counts.support() >= 20, lang + " " + cells[0] + ": fewer than 20 positives");
                if (counts.precision() < Double.parseDouble(floor[0]) || counts.recall() < Double.parseDouble(floor[1])) {
                    below.add(String.format(Locale.ROOT, "%s %s P %.3f R %.3f < %s", lang, cells[0],
                            counts.precision(), counts.recall(), cells[l + 1]));
                }
            }
        }
        assertTrue(below.isEmpty(), "below the floors: " + below);
        assertTrue(FLOORS.stream().flatMap(row -> Arrays.stream(row.trim().split("\\s+")).skip(1))
                .flatMap(cell -> Arrays.stream(cell.split("/"))).allMatch(f -> Double.parseDouble(f) <= TARGET),
                "a floor above the target");
    }

    /** phi is scored on the hand-written texts only: the phrase-bank texts never mark it, so a found phi there is no error. */
    private static ClassScores scoreOnTest(List<LabelledText> test, Function<String, List<String>> system) {
        String phi = SensitivityClass.PHI.label();
        return ClassScores.score(test, system).withClassFrom(phi, ClassScores.score(EvalSets.handwritten(), system));
    }
}
