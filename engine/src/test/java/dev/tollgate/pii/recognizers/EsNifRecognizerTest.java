package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EsNifRecognizerTest {
    private final EsNifRecognizer recognizer = new EsNifRecognizer();
    private final String dni = "48213657" + TestIds.dniLetter(48213657);

    @Test
    void findsDniWithAndWithoutSeparators() {
        found(recognizer, "DNI " + dni + ".", dni, "ES_NIF");
        String dashed = dni.substring(0, 8) + "-" + dni.charAt(8);
        found(recognizer, "DNI " + dashed + ".", dashed, "ES_NIF");
        String dotted = "48.213.657-" + dni.charAt(8);
        found(recognizer, "DNI " + dotted + ".", dotted, "ES_NIF");
    }

    @Test
    void rejectsWrongControlLetter() {
        char wrong = dni.charAt(8) == 'A' ? 'B' : 'A';
        none(recognizer, "DNI 48213657" + wrong);
    }

    @Test
    void contextRaisesScore() {
        double bare = found(recognizer, dni, dni, "ES_NIF").score();
        for (String context : new String[] {"NIF", "documento nacional de identidad", "Spanish ID", "pièce d'identité",
                "Personalausweis", "carta d'identità"}) {
            assertTrue(found(recognizer, context + ": " + dni, dni, "ES_NIF").score() > bare, context);
        }
    }
}
