package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneRecognizerTest {
    private final PhoneRecognizer recognizer = new PhoneRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Call me on +44 20 7946 0958 tomorrow.|+44 20 7946 0958|GB",
            "Ruf mich an: 030 1234567, danke|030 1234567|DE",
            "Handy 0171 2345678|0171 2345678|DE",
            "Mon numéro est +33 6 12 34 56 78.|+33 6 12 34 56 78|FR",
            "Appelez le 01 23 45 67 89 svp|01 23 45 67 89|FR",
            "Llámame al +34 612 345 678|+34 612 345 678|ES",
            "Chiamami al +39 06 1234 5678|+39 06 1234 5678|IT",
            "Bel +31 20 123 4567 vandaag|+31 20 123 4567|NL",
            "Phone (415) 555-2671 ext|(415) 555-2671|US",
            "Tel. 0049 89 1234567|0049 89 1234567|DE",
            "+44 (0)20 7946 0958|+44 (0)20 7946 0958|GB"})
    void findsValidNumbersWithExactSpans(String text, String number, String region) {
        Finding f = found(recognizer, text, number, "PHONE_NUMBER");
        assertTrue(f.explanation().contains("region " + region), f.explanation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+33 6 12", "+49 123", "0000000000", "12.03.1985", "2024-03-15", "20240315",
            "Order 4111111111111111", "+999 1234 5678"})
    void rejectsNumbersLibphonenumberDoesNotValidate(String text) {
        none(recognizer, text);
    }

    @Test
    void nationalNumbersWithoutTrunkPrefixNeedContext() {
        none(recognizer, "Ref 612 345 678");
        found(recognizer, "Teléfono: 612 345 678", "612 345 678", "PHONE_NUMBER");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Chiede di essere richiamato al 312 345 0092.|312 345 0092|IT",
            "Pide que le llamen al 612 34 24 71.|612 34 24 71|ES",
            "Follow up on Wednesday via 912 34 56 78|912 34 56 78|ES",
            "Demande à être rappelé au 312-345-5557|312-345-5557|IT"})
    void takesNationalNumbersWithoutContextWhenGroupedAsTheRegionWritesThem(String text, String number,
            String region) {
        Finding f = found(recognizer, text, number, "PHONE_NUMBER");
        assertTrue(f.explanation().contains("region " + region), f.explanation());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Ref 3123450092",
            "Ref 312 34 50 092",
            "Total 612 345 678 EUR",
            "Total 1.312.345.009",
            "Total 1 312 345 009,50",
            "Order 12 34 56 78",
            "Date 12 03 2024",
            "Date 2024 03 15",
            "Card 4111 1111 1111 1111",
            "Account 2100 0418 4502",
            "IBAN ES91 2100 0418 4502 0005 1332",
            "IBAN IT60 X054 2811 1010 0000 0123 456",
            "Ticket 312 3450 092"})
    void leavesOtherGroupedDigitsWithoutContextAlone(String text) {
        none(recognizer, text);
    }

    @Test
    void contextRaisesScoreInEachLanguage() {
        double bare = found(recognizer, "+49 30 1234567", "+49 30 1234567", "PHONE_NUMBER").score();
        for (String text : new String[] {"phone +49 30 1234567", "Telefonnummer +49 30 1234567",
                "téléphone +49 30 1234567", "teléfono +49 30 1234567", "telefono +49 30 1234567"}) {
            assertTrue(found(recognizer, text, "+49 30 1234567", "PHONE_NUMBER").score() > bare, text);
        }
    }

    @Test
    void regionHintsDecideAmbiguousNationalNumbers() {
        String text = "tel 0612345678";
        Finding french = found(new PhoneRecognizer(List.of("FR", "NL")), text, "0612345678", "PHONE_NUMBER");
        Finding dutch = found(new PhoneRecognizer(List.of("NL", "FR")), text, "0612345678", "PHONE_NUMBER");
        assertTrue(french.explanation().contains("region FR"));
        assertTrue(dutch.explanation().contains("region NL"));
    }

    @Test
    void findsItalianFixedLineNumbersWithTheirLeadingZero() {
        found(new PhoneRecognizer(List.of("IT")), "Chiamami al 06 1234 5678", "06 1234 5678", "PHONE_NUMBER");
        Finding vatican = found(new PhoneRecognizer(List.of("IT")), "tel 06 6982 1234", "06 6982 1234", "PHONE_NUMBER");
        assertTrue(vatican.explanation().contains("region VA"), "+39 06 698 is the Vatican's range");
    }

    @Test
    void reportsEachSpanOnce() {
        List<Finding> findings = recognizer.recognize("+49 30 1234567 und 030 1234568");
        assertEquals(2, findings.size());
    }

    @Test
    void rejectsUnknownRegion() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneRecognizer(List.of("XX")));
    }
}
