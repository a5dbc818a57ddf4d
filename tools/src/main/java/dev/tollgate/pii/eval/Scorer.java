package dev.tollgate.pii.eval;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.ner.AnnotatedText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accumulates per-type counts of labelled and predicted spans over many texts, for exact-span and overlap
 * matching. A prediction is correct if a labelled span of the same type matches it (exactly, or by sharing at
 * least one character); a labelled span is found if a prediction of the same type matches it.
 */
public final class Scorer {
    public enum Matching { EXACT, OVERLAP }

    private final Map<String, int[]> exact = new TreeMap<>();
    private final Map<String, int[]> overlap = new TreeMap<>();

    public void add(List<AnnotatedText.Span> gold, List<Finding> predicted) {
        for (AnnotatedText.Span g : gold) {
            boolean exactFound = false;
            boolean overlapFound = false;
            for (Finding p : predicted) {
                if (p.type().equals(g.type())) {
                    exactFound |= p.start() == g.start() && p.end() == g.end();
                    overlapFound |= p.start() < g.end() && g.start() < p.end();
                }
            }
            count(exact, g.type(), 0, exactFound);
            count(overlap, g.type(), 0, overlapFound);
        }
        for (Finding p : predicted) {
            boolean exactCorrect = false;
            boolean overlapCorrect = false;
            for (AnnotatedText.Span g : gold) {
                if (p.type().equals(g.type())) {
                    exactCorrect |= p.start() == g.start() && p.end() == g.end();
                    overlapCorrect |= p.start() < g.end() && g.start() < p.end();
                }
            }
            count(exact, p.type(), 2, exactCorrect);
            count(overlap, p.type(), 2, overlapCorrect);
        }
    }

    /** Scores per type, sorted by type name. */
    public List<TypeScore> scores(Matching matching) {
        return (matching == Matching.EXACT ? exact : overlap).entrySet().stream()
                .map(e -> new TypeScore(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3]))
                .toList();
    }

    /** Micro-averaged over the given types. */
    public TypeScore total(Matching matching, String label, Set<String> types) {
        int[] sum = new int[4];
        for (TypeScore s : scores(matching)) {
            if (types.contains(s.type())) {
                sum[0] += s.gold();
                sum[1] += s.found();
                sum[2] += s.predicted();
                sum[3] += s.correct();
            }
        }
        return new TypeScore(label, sum[0], sum[1], sum[2], sum[3]);
    }

    /** counts: [gold, gold found, predicted, predicted correct] */
    private static void count(Map<String, int[]> counts, String type, int offset, boolean hit) {
        int[] c = counts.computeIfAbsent(type, t -> new int[4]);
        c[offset]++;
        if (hit) {
            c[offset + 1]++;
        }
    }

    public record TypeScore(String type, int gold, int found, int predicted, int correct) {
        public double precision() {
            return predicted == 0 ? (gold == 0 ? 1 : 0) : (double) correct / predicted;
        }

        public double recall() {
            return gold == 0 ? (predicted == 0 ? 1 : 0) : (double) found / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}
