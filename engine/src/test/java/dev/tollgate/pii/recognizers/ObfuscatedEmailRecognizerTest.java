package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObfuscatedEmailRecognizerTest {
    private final ObfuscatedEmailRecognizer recognizer = new ObfuscatedEmailRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"maria.schmidt at example dot com", "maria at example dot com",
            "maria [at] example [dot] com", "maria(at)example.com", "maria {at} example {dot} co {dot} uk",
            "maria AT example.com", "maria.schmidt at example.com", "m_schmidt at mail.example.org",
            "maria ( at ) example ( dot ) com", "maria [AT] example [DOT] com"})
    void findsSpelledOutAtAndDot(String email) {
        found(recognizer, "Please write to " + email + " soon.", email, "EMAIL_ADDRESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Have a look at example.com today.", "We met at home dot then left.",
            "maria [at] example [dot] c0m", "maria at example dot", "Meet me at 10 dot 30."})
    void leavesOrdinaryProseAlone(String text) {
        none(recognizer, text);
    }
}
