package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EsNieRecognizerTest {
    private final EsNieRecognizer recognizer = new EsNieRecognizer();

    @ParameterizedTest
    @CsvSource({"X,0", "Y,1", "Z,2"})
    void findsNieForEachPrefix(String prefix, String value) {
        String nie = prefix + "4821365" + TestIds.dniLetter(Long.parseLong(value + "4821365"));
        found(recognizer, "NIE " + nie + ".", nie, "ES_NIE");
        String dashed = prefix + "-4821365-" + nie.charAt(8);
        found(recognizer, "NIE " + dashed + ".", dashed, "ES_NIE");
    }

    @Test
    void rejectsWrongControlLetter() {
        char right = TestIds.dniLetter(4821365);
        none(recognizer, "NIE X4821365" + (right == 'A' ? 'B' : 'A'));
    }

    @Test
    void contextRaisesScore() {
        String nie = "Y4821365" + TestIds.dniLetter(14821365);
        double bare = found(recognizer, nie, nie, "ES_NIE").score();
        assertTrue(found(recognizer, "número de identidad de extranjero " + nie, nie, "ES_NIE").score() > bare);
        assertTrue(found(recognizer, "titre de séjour " + nie, nie, "ES_NIE").score() > bare);
    }
}
