package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrNirRecognizerTest {
    private final FrNirRecognizer recognizer = new FrNirRecognizer();
    private final String nir = TestIds.nir("2850578006084");

    private static String spaced(String n) {
        return n.charAt(0) + " " + n.substring(1, 3) + " " + n.substring(3, 5) + " " + n.substring(5, 7) + " "
                + n.substring(7, 10) + " " + n.substring(10, 13) + " " + n.substring(13);
    }

    @Test
    void findsContiguousAndSpacedNumbers() {
        found(recognizer, "N° sécu " + nir + ".", nir, "FR_NIR");
        found(recognizer, "N° sécu " + spaced(nir) + ".", spaced(nir), "FR_NIR");
    }

    @Test
    void handlesCorsicanDepartments() {
        String corseDuSud = TestIds.nir("18505" + "2A" + "004012");
        String haute = TestIds.nir("18505" + "2B" + "004012");
        found(recognizer, "NIR " + corseDuSud, corseDuSud, "FR_NIR");
        found(recognizer, "NIR " + haute, haute, "FR_NIR");
    }

    @Test
    void rejectsWrongKeyAndImpossibleMonth() {
        none(recognizer, "NIR " + TestIds.breakLastDigit(nir));
        none(recognizer, "NIR " + TestIds.nir("2851378006084"));
        none(recognizer, "NIR " + TestIds.nir("5850578006084"));
    }

    @Test
    void contextRaisesScore() {
        double bare = found(recognizer, nir, nir, "FR_NIR").score();
        for (String context : new String[] {"numéro de sécurité sociale", "social security number",
                "Sozialversicherungsnummer", "número de seguridad social", "previdenza sociale"}) {
            assertTrue(found(recognizer, context + " " + nir, nir, "FR_NIR").score() > bare, context);
        }
    }
}
