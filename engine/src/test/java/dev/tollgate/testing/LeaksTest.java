package dev.tollgate.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaksTest {

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "IBAN_CODE     | DE89 3704 0044 0532 0130 00 | send it to de89-3704-0044-0532-0130-00 today",
        "IBAN_CODE     | DE89 3704 0044 0532 0130 00 | account 89370400440532013000",
        "CREDIT_CARD   | 4111 1111 1111 1111         | card ٤١١١ ١١١١ ١١١١ ١١١١",
        "EMAIL_ADDRESS | maria.schmidt@example.com   | write to maria.schmidt at <URL_1>",
        "EMAIL_ADDRESS | maria.schmidt@example.com   | mаria.schmidt＠example.com",
        "PERSON        | Maria Schmidt               | Dear Maria, thanks",
        "PERSON        | Maria Schmidt               | Schmi\u200Bdt, <PERSON_1>",
        "PHONE_NUMBER  | +49 30 12345678             | call 4 9 3 0 1 2 3 4 5 6 7 8",
        "IBAN_CODE     | DE89 3704 0044 0532 0130 00 | \u202E00 0310 2350 4400 4073 98ED\u202C",
    })
    void seesAValueHoweverItIsWritten(String type, String canonical, String text) {
        assertTrue(Leaks.reveals(text, type, canonical));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "IBAN_CODE     | DE89 3704 0044 0532 0130 00 | send it to <IBAN_CODE_1> today",
        "EMAIL_ADDRESS | maria.schmidt@example.com   | write to <EMAIL_ADDRESS_1>, Maria",
        "PERSON        | Maria Schmidt               | Dear <PERSON_1>, Mariana and Schmidtke send regards",
        "PHONE_NUMBER  | +49 30 12345678             | call 49 30 1234 later",
    })
    void doesNotFlagMaskedTextOrOtherWords(String type, String canonical, String text) {
        assertFalse(Leaks.reveals(text, type, canonical));
    }
}
