package dev.tollgate.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.pii.recognizers.StreetAddressRecognizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegativeRulesTest {
    private static Finding at(String text, String value, String type) {
        int start = text.indexOf(value);
        return new Finding(type, start, start + value.length(), 0.9, "opennlp", "test");
    }

    @Test
    void sentenceInitialFunctionWordsImperativesAndCalendarWordsAreNotNames() {
        String text = "Write about the sea. What? Monday works.\nÖffnen Sie das Menü.";
        List<Finding> findings = List.of(at(text, "Write", "PERSON"), at(text, "What", "ORGANIZATION"),
                at(text, "Monday", "PERSON"), at(text, "Öffnen", "LOCATION"));
        assertEquals(List.of(), NegativeRules.apply(text, findings));
    }

    @Test
    void theSameWordsInsideASentenceOrAsPartOfALongerNameStay() {
        String text = "Ask Will about it. Grace Paris called.";
        Finding paris = at(text, "Grace Paris", "PERSON");
        String other = "I read Write Away by Will.";
        Finding title = at(other, "Write Away", "ORGANIZATION");
        assertEquals(List.of(paris), NegativeRules.apply(text, List.of(paris)));
        assertEquals(List.of(title), NegativeRules.apply(other, List.of(title)));
    }

    @Test
    void aPlaceInsideAStreetAddressDoesNotSplitIt() {
        String text = "Send it to Hauptstraße 12, 10115 Berlin please.";
        Recognizer nerSeeingBerlin = t -> List.of(at(t, "Berlin", "LOCATION"));
        PiiDetector detector = new PiiDetector(List.of(new StreetAddressRecognizer(), nerSeeingBerlin));
        List<Finding> findings = detector.recognize(text);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("STREET_ADDRESS", findings.get(0).type());
        assertEquals("Hauptstraße 12, 10115 Berlin", text.substring(findings.get(0).start(), findings.get(0).end()));
    }

    @Test
    void anImperativeHeadingALineIsNotTakenForASpeaker() {
        List<Finding> findings = PiiDetector.defaults().recognize("Remember: always lock the door.\nJohn: I will.");
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(0, findings.get(0).start() - "Remember: always lock the door.\n".length());
    }
}
