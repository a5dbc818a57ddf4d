package dev.tollgate.classify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stored thresholds are the ones the dev set chooses: for each class, the threshold on the categorizer's
 * probability that maximises the F1 of lexicon-or-categorizer on eval/sensitivity/dev.jsonl and the dev hard
 * negatives (eval/sensitivity/hard-negatives-dev.jsonl, texts of no class that count only as false positives), the
 * highest one on ties. After retraining changes, copy the printed lines into lexicons/doccat-thresholds.properties.
 * A class listed under {@code pinned} there keeps its stored threshold whatever dev chooses; the file says why.
 */
class DoccatThresholdsTest {
    private static final double STEP = 0.05;

    @Test
    void storedThresholdsAreTheOnesChosenOnDev() throws IOException {
        SensitivityClassifier classifier = new SensitivityClassifier();
        List<LabelledText> dev = new ArrayList<>(EvalSets.dev());
        HardNegativesTest.hardNegatives("hard-negatives-dev.jsonl").forEach(text -> dev.add(new LabelledText(text, "mul", List.of())));
        int[] lexicon = dev.stream().mapToInt(t -> classifier.lexiconMatches(t.text())).toArray();
        double[][] probabilities = dev.stream()
                .map(t -> classifier.model().probabilities(ClassifierInput.sentences(t.text()))).toArray(double[][]::new);
        Properties stored = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/lexicons/doccat-thresholds.properties")) {
            stored.load(in);
        }
        List<String> pinned = List.of(stored.getProperty("pinned", "").split(","));
        StringBuilder chosen = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (String label : SensitivityCorpus.DOCCAT_CLASSES) {
            SensitivityClass cls = SensitivityClass.valueOf(label.toUpperCase(Locale.ROOT));
            double best = 1.0;
            double bestF1 = -1;
            for (int step = (int) Math.round(1 / STEP) - 1; step >= 1; step--) {
                double threshold = step * STEP;
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (int i = 0; i < dev.size(); i++) {
                    boolean gold = dev.get(i).classes().contains(label);
                    boolean found = (lexicon[i] & cls.bit()) != 0 || probabilities[i][cls.ordinal()] >= threshold;
                    tp += gold && found ? 1 : 0;
                    fp += !gold && found ? 1 : 0;
                    fn += gold && !found ? 1 : 0;
                }
                double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
                if (f1 > bestF1 + 1e-12) {
                    bestF1 = f1;
                    best = threshold;
                }
            }
            if (pinned.contains(label)) {
                System.out.printf(Locale.ROOT, "%s is pinned at %s; dev chooses %.2f%n", label, stored.getProperty(label), best);
                best = Double.parseDouble(stored.getProperty(label));
            }
            chosen.append(String.format(Locale.ROOT, "%s=%.2f%n", label, best));
            expected.append(String.format(Locale.ROOT, "%s=%.2f%n", label,
                    Double.parseDouble(stored.getProperty(label, "NaN"))));
        }
        System.out.print("Thresholds chosen on dev:\n" + chosen);
        System.out.print("Stored thresholds on dev.jsonl:\n" + SensitivityEvaluation.languageTable(EvalSets.dev(), classifier::classify));
        System.out.print("Of which the second dev bank (phrases-dev):\n"
                + SensitivityEvaluation.languageTable(EvalSets.composeSecondDev(), classifier::classify));
        System.out.print("The third dev bank (phrases-dev3), held out of the threshold choice:\n"
                + SensitivityEvaluation.languageTable(EvalSets.composeThirdDev(), classifier::classify));
        System.out.print("The fourth dev bank (phrases-dev4), held out of every choice:\n"
                + SensitivityEvaluation.languageTable(EvalSets.composeFourthDev(), classifier::classify));
        assertEquals(chosen.toString(), expected.toString());
    }
}
