package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCardRecognizerTest {
    private final CreditCardRecognizer recognizer = new CreditCardRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"4", "51", "2221", "34", "37", "6011", "65", "3528", "36", "62", "2200"})
    void findsLuhnValidNumbersOfEachNetwork(String prefix) {
        int length = prefix.equals("34") || prefix.equals("37") ? 15 : prefix.equals("36") ? 14 : 16;
        String number = TestIds.luhn(prefix + "7".repeat(length - prefix.length() - 1));
        found(recognizer, "Paid with " + number + ".", number, "CREDIT_CARD");
    }

    @Test
    void findsGroupedNumbers() {
        String number = TestIds.luhn("411111111111111");
        String spaced = number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        String dashed = number.replaceAll("(\\d{4})(?=\\d)", "$1-");
        found(recognizer, "card " + spaced + " exp", spaced, "CREDIT_CARD");
        found(recognizer, "card " + dashed + " exp", dashed, "CREDIT_CARD");
        String amex = TestIds.luhn("37828224631000");
        String amexGrouped = amex.substring(0, 4) + " " + amex.substring(4, 10) + " " + amex.substring(10);
        found(recognizer, "Amex " + amexGrouped, amexGrouped, "CREDIT_CARD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111.1111.1111.1111", "4111 1111-1111.1111", "4111/1111/1111/1111",
            "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1", "3782-822463-10005"})
    void findsDotsSlashesMixedSeparatorsAndSpacedOutDigits(String card) {
        found(recognizer, "card " + card + " exp 12/27", card, "CREDIT_CARD");
    }

    @Test
    void rejectsBadChecksumAndWithoutACardWordUnknownPrefixAndWrongLength() {
        String valid = TestIds.luhn("411111111111111");
        none(recognizer, "card " + TestIds.breakLastDigit(valid));
        none(recognizer, "number " + TestIds.luhn("990000000000000"));
        none(recognizer, "number " + TestIds.luhn("34000000000000000"));
        none(recognizer, "card 0000 0000 0000 0000");
        none(recognizer, "card 41 11 11 11 11 11 11 11");
        none(recognizer, "card " + TestIds.luhn("5018000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"card", "cc", "Karte", "carte", "tarjeta", "carta"})
    void anyLuhnValidNumberOfTwelveToNineteenDigitsAfterACardWord(String word) {
        for (String body : new String[] {"90000000001", "9900000000000000", "340000000000000004"}) {
            String number = TestIds.luhn(body);
            found(recognizer, word + " " + number, number, "CREDIT_CARD");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"50183789914", "630433014673", "67590024589215", "3622439332836", "353095461113930",
            "622551716079096", "502027589290075400"})
    void maestroJcbDinersAndUnionPayOfEveryLengthWithoutContext(String body) {
        String number = TestIds.luhn(body);
        found(recognizer, "Paid with " + number + ".", number, "CREDIT_CARD");
    }

    @Test
    void contextRaisesScoreInEachLanguage() {
        String number = TestIds.luhn("545454545454545");
        double bare = found(recognizer, number, number, "CREDIT_CARD").score();
        for (String context : new String[] {"credit card", "Kreditkartennummer", "carte bancaire", "tarjeta", "carta di credito"}) {
            String text = context + " " + number;
            assertTrue(found(recognizer, text, number, "CREDIT_CARD").score() > bare, text);
        }
    }
}
