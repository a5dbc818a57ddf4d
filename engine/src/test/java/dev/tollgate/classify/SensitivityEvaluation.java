package dev.tollgate.classify;

import java.util.List;
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
                classifier.model().classBits(SensitivityModel.words(text)) | (classifier.lexiconMatches(text) & PHI)));
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

    private static String prf(ClassScores.Counts c) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", c.precision(), c.recall(), c.f1());
    }
}
