package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NlBsnRecognizerTest {
    private final NlBsnRecognizer recognizer = new NlBsnRecognizer();
    private final String bsn = TestIds.bsn("11122233");

    @Test
    void findsContiguousAndDottedNumbers() {
        found(recognizer, "BSN " + bsn + ".", bsn, "NL_BSN");
        String dotted = bsn.substring(0, 4) + "." + bsn.substring(4, 6) + "." + bsn.substring(6);
        found(recognizer, "BSN " + dotted + ".", dotted, "NL_BSN");
    }

    @Test
    void rejectsNumbersFailingTheElevenProof() {
        none(recognizer, "BSN " + TestIds.breakLastDigit(bsn));
        none(recognizer, "BSN 000000000");
    }

    @Test
    void contextCarriesMostOfTheWeight() {
        double bare = found(recognizer, bsn, bsn, "NL_BSN").score();
        assertTrue(bare < 0.5);
        for (String context : new String[] {"burgerservicenummer", "citizen service number", "Bürgerservicenummer",
                "numéro de service citoyen", "número de servicio al ciudadano", "numero di servizio al cittadino"}) {
            assertTrue(found(recognizer, context + " " + bsn, bsn, "NL_BSN").score() >= 0.85, context);
        }
    }
}
