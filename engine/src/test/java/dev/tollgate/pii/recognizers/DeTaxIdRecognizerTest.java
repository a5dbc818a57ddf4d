package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeTaxIdRecognizerTest {
    private final DeTaxIdRecognizer recognizer = new DeTaxIdRecognizer();
    /** One digit (7) twice, as the rule requires. */
    private final String taxId = TestIds.steuerId("8609574271");
    private final String grouped = taxId.substring(0, 2) + " " + taxId.substring(2, 5) + " " + taxId.substring(5, 8)
            + " " + taxId.substring(8);

    @Test
    void findsContiguousAndGroupedIds() {
        found(recognizer, "Steuer-ID " + taxId + ".", taxId, "DE_TAX_ID");
        found(recognizer, "IdNr. " + grouped + ".", grouped, "DE_TAX_ID");
    }

    @Test
    void rejectsWrongCheckDigit() {
        none(recognizer, "Steuer-ID " + TestIds.breakLastDigit(taxId));
    }

    @Test
    void appliesDigitRepetitionRule() {
        assertFalse(DeTaxIdRecognizer.repetitionRule("1234567890" + "0"), "no digit repeated");
        assertFalse(DeTaxIdRecognizer.repetitionRule("1123456712" + "0"), "two digits repeated");
        assertFalse(DeTaxIdRecognizer.repetitionRule("1112345678" + "0"), "three in a row");
        assertFalse(DeTaxIdRecognizer.repetitionRule("1111234567" + "0"), "four times");
        assertTrue(DeTaxIdRecognizer.repetitionRule("1121345678" + "0"), "three times, not in a row");
        assertTrue(DeTaxIdRecognizer.repetitionRule("8609574271" + "0"), "twice");
        none(recognizer, "Steuer-ID " + TestIds.steuerId("1234567890"));
    }

    @Test
    void rejectsLeadingZero() {
        none(recognizer, "Steuer-ID " + TestIds.steuerId("0860957427"));
    }

    @Test
    void contextRaisesScore() {
        double bare = found(recognizer, taxId, taxId, "DE_TAX_ID").score();
        for (String context : new String[] {"Steueridentifikationsnummer", "tax ID", "numéro fiscal",
                "número de identificación fiscal", "codice fiscale"}) {
            assertTrue(found(recognizer, context + ": " + taxId, taxId, "DE_TAX_ID").score() > bare, context);
        }
    }
}
