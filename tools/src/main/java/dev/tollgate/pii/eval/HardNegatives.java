package dev.tollgate.pii.eval;

import dev.tollgate.pii.Recognizer;
import dev.tollgate.pii.ner.AnnotatedText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The false-entity rate on texts that name no person, place or organisation: the share of texts in which a
 * detector reports at least one PERSON, LOCATION or ORGANIZATION.
 */
public final class HardNegatives {
    private HardNegatives() {
    }

    /** One detector's counts per language: texts, and texts with a false name, place or organisation. */
    public record Rate(String detector, Map<String, int[]> byLanguage) {
        public double rate(String language) {
            int[] c = byLanguage.get(language);
            return (double) c[1] / c[0];
        }

        public double overall() {
            int texts = byLanguage.values().stream().mapToInt(c -> c[0]).sum();
            int flagged = byLanguage.values().stream().mapToInt(c -> c[1]).sum();
            return (double) flagged / texts;
        }
    }

    public static Rate rate(String name, Recognizer detector, List<AnnotatedText> texts) {
        Map<String, int[]> counts = new TreeMap<>();
        for (AnnotatedText text : texts) {
            boolean flagged = detector.recognize(text.text()).stream()
                    .anyMatch(f -> ScoreTable.NER_TYPES.contains(f.type()));
            int[] c = counts.computeIfAbsent(text.language(), l -> new int[2]);
            c[0]++;
            c[1] += flagged ? 1 : 0;
        }
        return new Rate(name, counts);
    }

    static String format(List<Rate> rates) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n== hard negatives: share of texts with a false PERSON, LOCATION or ORGANIZATION%n| detector |"));
        Map<String, int[]> languages = rates.get(0).byLanguage();
        languages.keySet().forEach(l -> out.append(' ').append(l).append(" |"));
        out.append(" all |\n|---|").append("---|".repeat(languages.size() + 1)).append('\n');
        for (Rate rate : rates) {
            out.append("| ").append(rate.detector()).append(" |");
            languages.forEach((language, c) -> out.append(String.format(Locale.ROOT, " %.1f%% (%d/%d) |",
                    100 * rate.rate(language), rate.byLanguage().get(language)[1], c[0])));
            out.append(String.format(Locale.ROOT, " %.1f%% |%n", 100 * rate.overall()));
        }
        return out.toString();
    }
}
