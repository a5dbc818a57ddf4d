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

    /** Markdown rows of overlap and exact F1 per language and type, one column pair per detector. */
    static String byLanguage(List<EvaluateCommand.Result> results) {
        StringBuilder out = new StringBuilder(
                String.format(Locale.ROOT, "%n== per language and type (F1)%n| lang | type | gold |"));
        for (EvaluateCommand.Result result : results) {
            out.append(" ").append(result.detector()).append(" overlap |");
        }
        for (EvaluateCommand.Result result : results) {
            out.append(" ").append(result.detector()).append(" exact |");
        }
        out.append("\n|---|---|---|").append("---|".repeat(2 * results.size())).append('\n');
        for (String language : results.get(0).byLanguage().keySet()) {
            for (Scorer.TypeScore gold : results.get(0).byLanguage().get(language).scores(Scorer.Matching.EXACT)) {
                if (gold.gold() == 0) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "| %s | %s | %d |", language, gold.type(), gold.gold()));
                appendF1(out, results, language, gold.type(), Scorer.Matching.OVERLAP);
                appendF1(out, results, language, gold.type(), Scorer.Matching.EXACT);
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void appendF1(StringBuilder out, List<EvaluateCommand.Result> results, String language,
            String type, Scorer.Matching matching) {
        for (EvaluateCommand.Result result : results) {
            out.append(String.format(Locale.ROOT, " %.3f |", f1(result.byLanguage().get(language), matching, type)));
        }
    }

    /** F1 of one type; 0 when the type was neither labelled nor predicted. */
    static double f1(Scorer scorer, Scorer.Matching matching, String type) {
        return scorer == null ? 0 : scorer.scores(matching).stream().filter(s -> s.type().equals(type))
                .mapToDouble(Scorer.TypeScore::f1).findFirst().orElse(0);
    }
}
