package dev.tollgate.classify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Per-class precision, recall and F1 of one system on a labelled set. */
final class ClassScores {
    record Counts(int truePositives, int falsePositives, int falseNegatives) {
        int support() {
            return truePositives + falseNegatives;
        }

        double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        double recall() {
            return support() == 0 ? 1.0 : (double) truePositives / support();
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, Counts> byClass;

    private ClassScores(Map<String, Counts> byClass) {
        this.byClass = byClass;
    }

    static ClassScores score(List<LabelledText> texts, Function<String, List<String>> system) {
        Map<String, int[]> counts = new TreeMap<>();
        SensitivityClassifier.CLASSES.forEach(c -> counts.put(c, new int[3]));
        for (LabelledText text : texts) {
            List<String> predicted = system.apply(text.text());
            for (String cls : SensitivityClassifier.CLASSES) {
                boolean gold = text.classes().contains(cls);
                boolean found = predicted.contains(cls);
                int[] c = counts.get(cls);
                if (gold && found) {
                    c[0]++;
                } else if (found) {
                    c[1]++;
                } else if (gold) {
                    c[2]++;
                }
            }
        }
        Map<String, Counts> byClass = new TreeMap<>();
        counts.forEach((cls, c) -> byClass.put(cls, new Counts(c[0], c[1], c[2])));
        return new ClassScores(byClass);
    }

    /** These scores with one class's counts taken from {@code other}, e.g. a class only part of the set labels. */
    ClassScores withClassFrom(String cls, ClassScores other) {
        Map<String, Counts> copy = new TreeMap<>(byClass);
        copy.put(cls, other.of(cls));
        return new ClassScores(copy);
    }

    Counts of(String cls) {
        return byClass.get(cls);
    }

    /** The mean F1 over the classes the set contains. */
    double macroF1() {
        return byClass.values().stream().filter(c -> c.support() > 0).mapToDouble(Counts::f1).average().orElse(0);
    }
}
