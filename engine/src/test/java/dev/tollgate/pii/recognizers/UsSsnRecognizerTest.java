package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsSsnRecognizerTest {
    private final UsSsnRecognizer recognizer = new UsSsnRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"536-22-1234", "536 22 1234", "536.22.1234"})
    void findsFormattedNumbers(String ssn) {
        found(recognizer, "filed " + ssn + " today", ssn, "US_SSN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-22-1234", "666-22-1234", "912-22-1234", "536-00-1234", "536-22-0000",
            "078-05-1120", "219-09-9999", "123-45-6789", "111-11-1111", "536-22 1234", "536-22-12345"})
    void rejectsNumbersTheRulesExclude(String text) {
        none(recognizer, "SSN " + text);
    }

    @Test
    void bareDigitsNeedContext() {
        none(recognizer, "order 536221234");
        found(recognizer, "SSN: 536221234", "536221234", "US_SSN");
        found(recognizer, "número de seguro social 536221234", "536221234", "US_SSN");
    }

    @Test
    void contextRaisesScore() {
        double bare = found(recognizer, "536-22-1234", "536-22-1234", "US_SSN").score();
        assertTrue(found(recognizer, "Social Security Number 536-22-1234", "536-22-1234", "US_SSN").score() > bare);
    }
}
