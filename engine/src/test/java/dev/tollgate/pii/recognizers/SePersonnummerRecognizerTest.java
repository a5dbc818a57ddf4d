package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SePersonnummerRecognizerTest {
    private final SePersonnummerRecognizer recognizer = new SePersonnummerRecognizer();
    private final String ten = TestIds.luhn("850312045");
    private final String dashed = ten.substring(0, 6) + "-" + ten.substring(6);

    @Test
    void findsTheWrittenForms() {
        found(recognizer, "Personnummer " + dashed + ".", dashed, "SE_PERSONNUMMER");
        found(recognizer, "Personnummer 19" + dashed + ".", "19" + dashed, "SE_PERSONNUMMER");
        found(recognizer, "Personnummer 19" + ten + ".", "19" + ten, "SE_PERSONNUMMER");
        String coordination = TestIds.luhn("850372045");
        String coordinationDashed = coordination.substring(0, 6) + "-" + coordination.substring(6);
        found(recognizer, "samordningsnummer " + coordinationDashed, coordinationDashed, "SE_PERSONNUMMER");
    }

    @Test
    void rejectsBadChecksumDateAndCentury() {
        none(recognizer, "nr " + TestIds.breakLastDigit(dashed));
        String badDate = TestIds.luhn("851312045");
        none(recognizer, "nr " + badDate.substring(0, 6) + "-" + badDate.substring(6));
        none(recognizer, "nr 17" + dashed);
    }

    @Test
    void separatedFormScoresHigherAndContextRaisesBoth() {
        double contiguous = found(recognizer, ten, ten, "SE_PERSONNUMMER").score();
        double separated = found(recognizer, dashed, dashed, "SE_PERSONNUMMER").score();
        assertTrue(separated > contiguous);
        assertTrue(found(recognizer, "personnummer " + ten, ten, "SE_PERSONNUMMER").score() > separated);
    }
}
