package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PassportRecognizerTest {
    private final PassportRecognizer recognizer = new PassportRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Passport number: 123456789|123456789",
            "passport no. A12345678 issued|A12345678",
            "Reisepassnummer C01X00T47|C01X00T47",
            "numéro de passeport 12AB34567|12AB34567",
            "número de pasaporte PAA123456|PAA123456",
            "passaporto YA1234567 valido|YA1234567",
            "Passport NW92LK3P1|NW92LK3P1"})
    void findsNumbersAfterPassportContextInEachLanguage(String text, String number) {
        found(recognizer, text, number, "PASSPORT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Order A12345678 shipped", "Passport office opens at 9", "passport: ABCDEFGHI",
            "passport 12345"})
    void needsContextAndADocumentNumberShape(String text) {
        none(recognizer, text);
    }
}
