package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IbanRecognizerTest {
    private final IbanRecognizer recognizer = new IbanRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606"})
    void findsDocumentationExamplesContiguousAndGrouped(String iban) {
        found(recognizer, "IBAN: " + iban + ".", iban, "IBAN_CODE");
        String grouped = TestIds.groupsOfFour(iban);
        found(recognizer, "IBAN: " + grouped + ".", grouped, "IBAN_CODE");
    }

    @ParameterizedTest
    @CsvSource({"NO,86011117947", "MT,MALT011000012345MTLCAST001S", "LC,ABCD123456789012345678901234",
            "RU,04452560040702810412345678901", "BE,539007547034", "SE,50000000058398257466", "ES,21000418450200051332",
            "IT,X0542811101000000123456", "PL,109010140000071219812874"})
    void findsIbansOfCountriesOfEveryLength(String country, String bban) {
        String iban = TestIds.iban(country, bban);
        found(recognizer, "Konto " + iban + " bitte", iban, "IBAN_CODE");
    }

    @Test
    void stopsAtTheCountryLengthWhenMoreTextFollows() {
        found(recognizer, "DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX", "DE89 3704 0044 0532 0130 00", "IBAN_CODE");
        found(recognizer, "DE89370400440532013000 GB82WEST12345698765432", "GB82WEST12345698765432", "IBAN_CODE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de89370400440532013000", "De89 3704 0044 0532 0130 00", "DE89-3704-0044-0532-0130-00",
            "de89.3704.0044.0532.0130.00", "DE89/3704 0044-0532.0130 00", "D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 0",
            "gb82 west 1234 5698 7654 32"})
    void findsLowerCaseAndEverySeparatorPeopleType(String iban) {
        found(recognizer, "IBAN: " + iban + ", danke", iban, "IBAN_CODE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE88370400440532013000", "DE8937040044053201300", "DE893704004405320130001",
            "XX89370400440532013000", "DE89 370400440532013000", "DE89 3704 0044 05320130 00", "DE00370400440532013000",
            "DE89 37 0400 4405 3201 3000", "de88-3704-0044-0532-0130-00"})
    void rejectsWrongChecksumLengthCountryOrGrouping(String text) {
        none(recognizer, "IBAN " + text);
    }

    @Test
    void checkDigitsOfGeneratedIbansAreAccepted() {
        assertTrue(IbanRecognizer.mod97(TestIds.iban("DE", "370400440532013000")) == 1);
    }

    @Test
    void contextRaisesScoreInEachLanguage() {
        String iban = "GB82 WEST 1234 5698 7654 32";
        double bare = found(recognizer, iban, iban, "IBAN_CODE").score();
        for (String context : new String[] {"account", "Kontonummer", "compte", "cuenta", "conto corrente"}) {
            assertTrue(found(recognizer, context + " " + iban, iban, "IBAN_CODE").score() > bare, context);
        }
    }
}
