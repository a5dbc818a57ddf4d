package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UkNinoRecognizerTest {
    private final UkNinoRecognizer recognizer = new UkNinoRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"AB123456C", "AB 12 34 56 C", "ZY987654A"})
    void findsContiguousAndSpacedNumbers(String nino) {
        found(recognizer, "NI " + nino + ".", nino, "UK_NINO");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DA123456C", "AO123456C", "GB123456C", "NK123456C", "TN123456C", "AB123456E",
            "AB12 3456C", "ab123456c"})
    void rejectsPrefixesNeverIssuedBadSuffixAndInconsistentSpacing(String text) {
        none(recognizer, "number " + text);
    }

    @Test
    void contextRaisesScore() {
        double bare = found(recognizer, "AB123456C", "AB123456C", "UK_NINO").score();
        assertTrue(found(recognizer, "National Insurance number: AB123456C", "AB123456C", "UK_NINO").score() > bare);
    }
}
