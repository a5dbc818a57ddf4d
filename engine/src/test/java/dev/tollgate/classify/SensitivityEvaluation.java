package dev.tollgate.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;

/** The three systems scored on a set: lexicons alone, the document categorizer alone, and both united. */
final class SensitivityEvaluation {
    private static final int PHI = SensitivityClass.PHI.bit();

    private SensitivityEvaluation() {
    }

    static Function<String, List<String>> lexiconOnly(SensitivityClassifier classifier) {
        return text -> SensitivityClassifier.labels(SensitivityClassifier.withPhi(classifier.lexiconMatches(text)));
    }

    /** The categorizer's classes; phi from its health or genetic classes beside the lexicon's phi context. */
    static Function<String, List<String>> doccatOnly(SensitivityClassifier classifier) {
        return text -> SensitivityClassifier.labels(SensitivityClassifier.withPhi(
                classifier.model().classBits(ClassifierInput.sentences(text)) | (classifier.lexiconMatches(text) & PHI)));
    }

    static String table(ClassScores lexicon, ClassScores doccat, ClassScores combined) {
        StringBuilder out = new StringBuilder();
        out.append("| class | support | lexicon P / R / F1 | doccat P / R / F1 | combined P / R / F1 |\n");
        out.append("|---|---:|---|---|---|\n");
        for (String cls : SensitivityClassifier.CLASSES) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", cls, combined.of(cls).support(),
                    prf(lexicon.of(cls)), prf(doccat.of(cls)), prf(combined.of(cls))));
        }
        out.append(String.format(Locale.ROOT, "| macro F1 | | %.3f | %.3f | %.3f |%n",
                lexicon.macroF1(), doccat.macroF1(), combined.macroF1()));
        return out.toString();
    }

    /** Precision and recall of the special categories in each language: the cells the target is set on. */
    static String languageTable(List<LabelledText> texts, Function<String, List<String>> system) {
        StringBuilder out = new StringBuilder("| class |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String lang : SensitivityModel.LANGUAGES) {
            out.append(' ').append(lang).append(" n / P / R |");
            rule.append("---|");
        }
        out.append('\n').append(rule).append('\n');
        Map<String, ClassScores> byLanguage = byLanguage(texts, system);
        for (String cls : SensitivityClassifier.CLASSES) {
            if (SensitivityClassifier.isSpecialCategory(cls)) {
                out.append("| ").append(cls).append(" |");
                for (String lang : SensitivityModel.LANGUAGES) {
                    ClassScores.Counts c = byLanguage.get(lang).of(cls);
                    out.append(String.format(Locale.ROOT, " %d / %.2f / %.2f |", c.support(), c.precision(), c.recall()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    static Map<String, ClassScores> byLanguage(List<LabelledText> texts, Function<String, List<String>> system) {
        Map<String, ClassScores> scores = new LinkedHashMap<>();
        for (String lang : SensitivityModel.LANGUAGES) {
            scores.put(lang, ClassScores.score(texts.stream().filter(t -> t.lang().equals(lang)).toList(), system));
        }
        return scores;
    }

    private static String prf(ClassScores.Counts c) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", c.precision(), c.recall(), c.f1());
    }
}
