package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailRecognizerTest {
    private final EmailRecognizer recognizer = new EmailRecognizer();

    @Test
    void findsAddressWithoutTrailingSentencePunctuation() {
        found(recognizer, "Write to anna.schmidt+tollgate@mail.example.de.", "anna.schmidt+tollgate@mail.example.de",
                "EMAIL_ADDRESS");
    }

    @Test
    void findsInternationalisedDomain() {
        found(recognizer, "jörg@müller-bäckerei.de schreibt", "jörg@müller-bäckerei.de", "EMAIL_ADDRESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "user@host.c", "user@-bad.com", "x..y@example.com", "user@example.123",
            "@example.com", "user@.com"})
    void rejectsMalformedAddresses(String text) {
        none(recognizer, text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "E-Mail: info@example.org",
            "Meine E-Mail-Adresse ist info@example.org",
            "Mon courriel : info@example.org",
            "Mi correo es info@example.org",
            "La mia posta elettronica: info@example.org"})
    void contextWordInEachLanguageRaisesScore(String text) {
        double bare = found(recognizer, "see info@example.org", "info@example.org", "EMAIL_ADDRESS").score();
        double withContext = found(recognizer, text, "info@example.org", "EMAIL_ADDRESS").score();
        assertTrue(withContext > bare);
    }
}
