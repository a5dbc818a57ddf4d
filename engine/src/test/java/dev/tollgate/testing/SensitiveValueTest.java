package dev.tollgate.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The leak check of the cloud-leg tests finds what gives a value away, and nothing else. */
class SensitiveValueTest {
    private static final SensitiveValue NAME = new SensitiveValue("PERSON", "Maria Schmidt");
    private static final SensitiveValue EMAIL = new SensitiveValue("EMAIL_ADDRESS", "maria.schmidt@example.com");
    private static final SensitiveValue IBAN = new SensitiveValue("IBAN_CODE", "DE89 3704 0044 0532 0130 00");

    @Test
    void theValueItsWordsAndRunsOfItsDigitsAreTraces() {
        assertEquals(List.of("Maria Schmidt", "Maria", "Schmidt"), NAME.tracesIn("Dear MARIA SCHMIDT,"));
        assertEquals(List.of("Maria"), NAME.tracesIn("Ma\u200Bria, hello"));
        assertEquals(List.of("maria.schmidt", "maria", "schmidt"), EMAIL.tracesIn("from maria.schmidt"));
        assertEquals(List.of("89370400440532013000"), IBAN.tracesIn("DE89370400440532013000"));
        assertEquals(List.of("37040044"), IBAN.tracesIn("account 3704-0044"));
    }

    @Test
    void placeholdersOtherWordsAndShortRunsAreNot() {
        assertEquals(List.of(), NAME.tracesIn("Dear <PERSON_1>, Mariana Schmidtke wrote"));
        assertEquals(List.of(), EMAIL.tracesIn("<EMAIL_ADDRESS_1> at example.com"));
        assertEquals(List.of(), IBAN.tracesIn("<IBAN_CODE_1> <IBAN_CODE_1> 3704, room 0044, <IBAN_CODE_11>"));
    }

    @Test
    void writingsAreAllTraces() {
        for (SensitiveValue value : List.of(NAME, EMAIL, IBAN)) {
            for (String writing : value.writings()) {
                assertFalse(value.tracesIn(writing).isEmpty(), writing);
            }
        }
    }
}
