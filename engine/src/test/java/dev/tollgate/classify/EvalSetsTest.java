package dev.tollgate.classify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed sets are exactly what the eval phrase banks compose, and share no text with training.
 * After editing eval/sensitivity/phrases/, phrases-dev/ or handwritten.jsonl, rewrite them by running this test with
 * {@code -Dtollgate.writeEvalSets=true}.
 */
class EvalSetsTest {
    @Test
    void committedSetsMatchTheirPhraseBanks() throws IOException {
        if (Boolean.getBoolean("tollgate.writeEvalSets")) {
            EvalSets.write();
        }
        assertTrue(EvalSets.composeDev().equals(EvalSets.dev()), "dev.jsonl is stale: rerun with -Dtollgate.writeEvalSets=true");
        assertTrue(EvalSets.composeTest().equals(EvalSets.test()), "test.jsonl is stale: rerun with -Dtollgate.writeEvalSets=true");
    }

    @Test
    void noEvaluationTextOccursInTraining() {
        Set<String> training = new HashSet<>();
        SensitivityModel.trainingCorpus().forEach(t -> training.add(t.text()));
        for (List<LabelledText> set : List.of(EvalSets.dev(), EvalSets.composeThirdDev(), EvalSets.composeFourthDev(), EvalSets.test())) {
            for (LabelledText text : set) {
                assertTrue(!training.contains(text.text()), "evaluation text also in training");
            }
        }
    }

    /** Training reads single sentences, so the guarantee is kept line by line: no evaluation sentence is a training one. */
    @Test
    void noEvaluationPhraseIsATrainingPhrase() throws IOException {
        for (String lang : SensitivityModel.LANGUAGES) {
            Set<String> training = new HashSet<>(lines(SensitivityModel.class.getResourceAsStream("/lexicons/corpus/" + lang + ".txt")));
            for (String folder : List.of("phrases", "phrases-dev", "phrases-dev3", "phrases-dev4")) {
                for (String line : lines(Files.newInputStream(EvalSets.dir().resolve(folder).resolve(lang + ".txt")))) {
                    assertFalse(training.contains(line), lang + ": in training: " + line);
                }
            }
        }
    }

    /** The third (round 8) and fourth (round 9) dev banks were each written apart from every bank before them: no line repeats one. */
    @Test
    void eachLaterDevBankRepeatsNoPhraseOfTheBanksBeforeIt() throws IOException {
        for (String lang : SensitivityModel.LANGUAGES) {
            Set<String> earlier = new HashSet<>();
            for (String folder : List.of("phrases", "phrases-dev")) {
                earlier.addAll(bankLines(folder, lang));
            }
            for (String folder : List.of("phrases-dev3", "phrases-dev4")) {
                List<String> later = bankLines(folder, lang);
                for (String line : later) {
                    assertFalse(earlier.contains(line), lang + ": " + folder + " repeats another bank: " + line);
                }
                earlier.addAll(later);
            }
        }
    }

    /** The banks are big enough to show a cell move: the third 100 lines a language, the fourth 8 a class and 20 "none". */
    @Test
    void theLaterDevBanksHoldEnoughSentences() throws IOException {
        for (String lang : SensitivityModel.LANGUAGES) {
            assertTrue(bankLines("phrases-dev3", lang).size() >= 100, lang + ": third dev bank too small");
            PhraseBank fourth = EvalSets.bank("phrases-dev4", lang);
            assertTrue(fourth.section("none").size() >= 20, lang + ": fourth dev bank: too few none sentences");
            for (String cls : SensitivityCorpus.DOCCAT_CLASSES) {
                if (SensitivityClassifier.isSpecialCategory(cls)) {
                    assertTrue(fourth.section(cls).size() >= 8, lang + ": fourth dev bank: too few " + cls);
                }
            }
        }
    }

    private static List<String> bankLines(String folder, String lang) throws IOException {
        return lines(Files.newInputStream(EvalSets.dir().resolve(folder).resolve(lang + ".txt")));
    }

    private static List<String> lines(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("^(\\+\\w+ )+", "").strip())
                    .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("[")).toList();
        }
    }

    @Test
    void everyLanguageAndClassIsInTheTestSet() {
        List<LabelledText> test = EvalSets.test();
        for (String lang : SensitivityModel.LANGUAGES) {
            assertTrue(test.stream().filter(t -> t.lang().equals(lang)).count() >= 100, lang);
        }
        for (String cls : SensitivityCorpus.DOCCAT_CLASSES) {
            assertTrue(test.stream().filter(t -> t.classes().contains(cls)).count() >= 30, cls);
        }
    }
}
