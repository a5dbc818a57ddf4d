package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DateOfBirthRecognizerTest {
    private final DateOfBirthRecognizer recognizer = new DateOfBirthRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Patient born 12 March 1985 in Leeds|12 March 1985",
            "Date of birth: 03/12/1985|03/12/1985",
            "DOB 1985-03-12, admitted|1985-03-12",
            "Born on March 12, 1985.|March 12, 1985",
            "Geboren am 12.03.1985 in Köln|12.03.1985",
            "Geburtsdatum: 12. März 1985|12. März 1985",
            "Née le 1er mars 1985 à Lyon|1er mars 1985",
            "Date de naissance : 29/02/1984|29/02/1984",
            "Nacido el 12 de marzo de 1985|12 de marzo de 1985",
            "Fecha de nacimiento: 12-03-1985|12-03-1985",
            "Nato il 12 marzo 1985 a Roma|12 marzo 1985",
            "Data di nascita 12/03/85|12/03/85"})
    void findsDatesAfterBirthContextInEachLanguage(String text, String date) {
        assertTrue(found(recognizer, text, date, "DATE_OF_BIRTH").score() >= 0.85);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Meeting on 12 March 1985", "Invoice date 12.03.1985", "12.03.1985",
            "The NATO summit on 12.03.1985"})
    void ignoresDatesWithoutBirthContext(String text) {
        none(recognizer, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"born 31.02.1985", "born 29/02/1985", "born 12 Foo 1985", "born 12.13.1985",
            "born 12.03.1850", "born 1985-13-01"})
    void rejectsImpossibleDates(String text) {
        none(recognizer, text);
    }

    @Test
    void contextFartherThanTheWindowDoesNotCount() {
        none(recognizer, "born somewhere, and much later, after many years, on 12.03.1985");
    }
}
