package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ItFiscalCodeRecognizerTest {
    private final ItFiscalCodeRecognizer recognizer = new ItFiscalCodeRecognizer();
    /** A man born 12 March 1985 (C = March), and a woman born on the 52nd (12 + 40). */
    private final String man = TestIds.codiceFiscale("RSSMRA85C12H501");
    private final String woman = TestIds.codiceFiscale("BNCGLI85C52F205");

    @Test
    void findsCodesOfMenAndWomen() {
        found(recognizer, "Codice fiscale: " + man + ".", man, "IT_FISCAL_CODE");
        found(recognizer, "CF " + woman, woman, "IT_FISCAL_CODE");
    }

    @Test
    void findsCodesWithOmocodia() {
        String omocode = TestIds.codiceFiscale("RSSMRA85C12H50M");
        found(recognizer, "cod. fisc. " + omocode, omocode, "IT_FISCAL_CODE");
    }

    @Test
    void rejectsWrongControlCharacterAndImpossibleDay() {
        char wrong = man.charAt(15) == 'A' ? 'B' : 'A';
        none(recognizer, "CF " + man.substring(0, 15) + wrong);
        none(recognizer, "CF " + TestIds.codiceFiscale("RSSMRA85C35H501"));
        none(recognizer, "CF " + TestIds.codiceFiscale("RSSMRA85Z12H501"));
    }

    @Test
    void contextRaisesScore() {
        double bare = found(recognizer, man, man, "IT_FISCAL_CODE").score();
        for (String context : new String[] {"codice fiscale", "tax code", "Steuernummer", "code fiscal", "código fiscal"}) {
            assertTrue(found(recognizer, context + " " + man, man, "IT_FISCAL_CODE").score() > bare, context);
        }
    }
}
