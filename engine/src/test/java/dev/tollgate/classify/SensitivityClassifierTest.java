package dev.tollgate.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityClassifierTest {
    private static final SensitivityClassifier CLASSIFIER = new SensitivityClassifier();

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource({
            "dev.tollgate.classify.LabelledSentences#health",
            "dev.tollgate.classify.LabelledSentences#genetic",
            "dev.tollgate.classify.LabelledSentences#biometric",
            "dev.tollgate.classify.LabelledSentences#racialEthnicOrigin",
            "dev.tollgate.classify.LabelledSentences#politicalOpinions",
            "dev.tollgate.classify.LabelledSentences#religiousBeliefs",
            "dev.tollgate.classify.LabelledSentences#tradeUnionMembership",
            "dev.tollgate.classify.LabelledSentences#sexLifeOrientation",
            "dev.tollgate.classify.LabelledSentences#paymentCard",
            "dev.tollgate.classify.LabelledSentences#phi"})
    void labelsSentencesWithTheirClassesInEveryLanguage(String sentence, List<String> expected) {
        assertEquals(expected, CLASSIFIER.classify(sentence));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({
            "dev.tollgate.classify.LabelledSentences#healthNegatives",
            "dev.tollgate.classify.LabelledSentences#geneticNegatives",
            "dev.tollgate.classify.LabelledSentences#biometricNegatives",
            "dev.tollgate.classify.LabelledSentences#racialEthnicOriginNegatives",
            "dev.tollgate.classify.LabelledSentences#politicalOpinionsNegatives",
            "dev.tollgate.classify.LabelledSentences#religiousBeliefsNegatives",
            "dev.tollgate.classify.LabelledSentences#tradeUnionMembershipNegatives",
            "dev.tollgate.classify.LabelledSentences#sexLifeOrientationNegatives",
            "dev.tollgate.classify.LabelledSentences#paymentCardNegatives",
            "dev.tollgate.classify.LabelledSentences#phiNegatives"})
    void leavesNearMissesUnlabelled(String sentence, List<String> expected) {
        assertEquals(expected, CLASSIFIER.classify(sentence));
    }

    @Test
    void aSentenceRepeatedHundredsOfTimesIsReadOnce() {
        String pangram = "The quick brown fox jumps over the lazy dog. ";
        assertEquals(CLASSIFIER.classify(pangram), CLASSIFIER.classify(pangram.repeat(300)));
        assertEquals(List.of(), CLASSIFIER.classify(pangram.repeat(300)));
    }

    @Test
    void innocuousCollocationsAreNotSensitive() {
        assertEquals(List.of(), CLASSIFIER.classify("The genetic algorithm converged after 400 generations."));
        assertEquals(List.of(), CLASSIFIER.classify("Der genetische Algorithmus fand eine gute Lösung."));
        assertEquals(List.of("genetic"), CLASSIFIER.classify("The genetic test showed a BRCA1 mutation."));
    }

    @Test
    void carrierStatusIsGeneticAndTheDiseaseACarrierDoesNotHaveIsNotHealth() {
        assertEquals(List.of("genetic"), CLASSIFIER.classify("The screening showed that he is a carrier of cystic fibrosis."));
        assertEquals(List.of("genetic"), CLASSIFIER.classify("Der Befund: Sie ist Anlageträgerin für Mukoviszidose."));
        assertEquals(List.of("genetic"), CLASSIFIER.classify("Elle est porteuse saine de la mucoviscidose."));
        assertTrue(CLASSIFIER.classify("Her son has cystic fibrosis and needs physiotherapy every day.").contains("health"));
        assertTrue(CLASSIFIER.classify("He is a carrier of hepatitis B.").contains("health"));
        assertTrue(CLASSIFIER.classify("She is a carrier of cystic fibrosis. Her son has asthma.").contains("health"));
    }

    @Test
    void reportsEveryClassFoundOnceAndSorted() {
        String text = "Patient ist Gewerkschaftsmitglied, Muslim und hat Diabetes; Diabetes seit 2019. "
                + "Payment by credit card.";
        assertEquals(List.of("health", "payment_card", "phi", "religious_beliefs", "trade_union_membership"),
                CLASSIFIER.classify(text));
    }

    @Test
    void ignoresCaseAndAccents() {
        assertEquals(List.of("health"), CLASSIFIER.classify("DIABÉTIQUE"));
        assertEquals(List.of("health"), CLASSIFIER.classify("diabetique"));
        assertEquals(List.of("health"), CLASSIFIER.classify("Diabe\u0301tique"));
        assertEquals(List.of("health"), CLASSIFIER.classify("ÜBELKEIT seit gestern"));
    }

    @Test
    void findsNothingInEmptyOrPlainText() {
        assertEquals(List.of(), CLASSIFIER.classify(""));
        assertEquals(List.of(), CLASSIFIER.classify("   \n\t"));
        assertEquals(List.of(), CLASSIFIER.classify("Please summarise the attached meeting notes in three bullet points."));
    }

    @Test
    void phiNeedsHealthContentBesideThePatientContext() {
        assertEquals(List.of(), CLASSIFIER.classify("Patient record for Maria Rossi, date of birth 1980-02-01."));
        assertEquals(List.of("health", "phi"),
                CLASSIFIER.classify("Patient record for Maria Rossi, date of birth 1980-02-01, asthma."));
    }

    @Test
    void classesAreTheEightSpecialCategoriesPlusPaymentCardAndPhi() {
        assertEquals(List.of("biometric", "genetic", "health", "payment_card", "phi", "political_opinions",
                "racial_ethnic_origin", "religious_beliefs", "sex_life_orientation", "trade_union_membership"),
                List.copyOf(SensitivityClassifier.CLASSES));
        assertEquals(8, SensitivityClassifier.CLASSES.stream().filter(SensitivityClassifier::isSpecialCategory).count());
    }

    @Test
    void onlyArticle9CategoriesAreSpecial() {
        for (String cls : List.of("health", "genetic", "biometric", "racial_ethnic_origin", "political_opinions",
                "religious_beliefs", "trade_union_membership", "sex_life_orientation")) {
            assertTrue(SensitivityClassifier.isSpecialCategory(cls), cls);
        }
        assertFalse(SensitivityClassifier.isSpecialCategory("payment_card"));
        assertFalse(SensitivityClassifier.isSpecialCategory("phi"));
        assertFalse(SensitivityClassifier.isSpecialCategory("HEALTH"));
        assertFalse(SensitivityClassifier.isSpecialCategory(""));
        assertFalse(SensitivityClassifier.isSpecialCategory(null));
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<String> sentences = LabelledSentences.allSentences();
        List<List<String>> expected = sentences.stream().map(CLASSIFIER::classify).toList();
        List<Thread> threads = new ArrayList<>();
        AtomicInteger mismatches = new AtomicInteger();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int round = 0; round < 200; round++) {
                    for (int i = 0; i < sentences.size(); i++) {
                        if (!expected.get(i).equals(CLASSIFIER.classify(sentences.get(i)))) {
                            mismatches.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, mismatches.get());
    }
}
