package dev.tollgate.pii.eval;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Formats a {@link Scorer}'s figures as a plain-text table, one row per type plus micro-averaged totals. */
public final class ScoreTable {
    static final Set<String> NER_TYPES = Set.of("PERSON", "LOCATION", "ORGANIZATION");

    private ScoreTable() {
    }

    public static String format(Scorer scorer) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-16s %6s %6s | %-20s | %-20s%n%-16s %6s %6s | %6s %6s %6s | %6s %6s %6s%n",
                "type", "gold", "pred", "exact", "overlap", "", "", "", "P", "R", "F1", "P", "R", "F1"));
        List<Scorer.TypeScore> exact = scorer.scores(Scorer.Matching.EXACT);
        List<Scorer.TypeScore> overlap = scorer.scores(Scorer.Matching.OVERLAP);
        for (int i = 0; i < exact.size(); i++) {
            row(out, exact.get(i), overlap.get(i));
        }
        Set<String> all = new TreeSet<>();
        exact.forEach(s -> all.add(s.type()));
        Set<String> ner = new TreeSet<>(all);
        ner.retainAll(NER_TYPES);
        Set<String> others = new TreeSet<>(all);
        others.removeAll(NER_TYPES);
        if (!ner.isEmpty()) {
            row(out, scorer.total(Scorer.Matching.EXACT, "(NER types)", ner),
                    scorer.total(Scorer.Matching.OVERLAP, "(NER types)", ner));
        }
        if (!others.isEmpty()) {
            row(out, scorer.total(Scorer.Matching.EXACT, "(other types)", others),
                    scorer.total(Scorer.Matching.OVERLAP, "(other types)", others));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Scorer.TypeScore exact, Scorer.TypeScore overlap) {
        out.append(String.format(Locale.ROOT, "%-16s %6d %6d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f%n",
                exact.type(), exact.gold(), exact.predicted(), exact.precision(), exact.recall(), exact.f1(),
                overlap.precision(), overlap.recall(), overlap.f1()));
    }
}
