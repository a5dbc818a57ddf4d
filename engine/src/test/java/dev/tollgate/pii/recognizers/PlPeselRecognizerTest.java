package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlPeselRecognizerTest {
    private final PlPeselRecognizer recognizer = new PlPeselRecognizer();
    private final String born1985 = TestIds.pesel("8503120456");
    /** Month 23 = March of a year in the 2000s. */
    private final String born2004 = TestIds.pesel("0423120456");

    @Test
    void findsNumbersOfBothCenturies() {
        found(recognizer, "PESEL " + born1985 + ".", born1985, "PL_PESEL");
        found(recognizer, "PESEL " + born2004 + ".", born2004, "PL_PESEL");
    }

    @Test
    void rejectsWrongCheckDigitAndImpossibleDate() {
        none(recognizer, "PESEL " + TestIds.breakLastDigit(born1985));
        none(recognizer, "PESEL " + TestIds.pesel("8502300456"));
        none(recognizer, "PESEL " + TestIds.pesel("8513120456"));
    }

    @Test
    void contextRaisesScore() {
        double bare = found(recognizer, born1985, born1985, "PL_PESEL").score();
        assertTrue(found(recognizer, "numer PESEL: " + born1985, born1985, "PL_PESEL").score() > bare);
    }
}
