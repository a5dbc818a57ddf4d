package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRecognizerTest {
    private final UrlRecognizer recognizer = new UrlRecognizer();

    @Test
    void findsUrlWithSchemePortAndPathWithoutTrailingPunctuation() {
        found(recognizer, "Open https://portal.example.com:8443/claims/17?id=3#top.",
                "https://portal.example.com:8443/claims/17?id=3#top", "URL");
    }

    @Test
    void keepsClosingParenthesisThatBelongsToTheUrl() {
        found(recognizer, "(see https://en.wikipedia.org/wiki/Mercury_(planet))",
                "https://en.wikipedia.org/wiki/Mercury_(planet)", "URL");
    }

    @Test
    void findsWwwAndBareDomains() {
        found(recognizer, "Besuchen Sie www.beispiel.de/kontakt, danke", "www.beispiel.de/kontakt", "URL");
        found(recognizer, "Visitez example.fr aujourd'hui", "example.fr", "URL");
    }

    @Test
    void findsIpLiteralHostsOnlyWithScheme() {
        found(recognizer, "http://192.168.0.1/admin", "http://192.168.0.1/admin", "URL");
        found(recognizer, "http://[2001:db8::1]:8080/", "http://[2001:db8::1]:8080/", "URL");
        none(recognizer, "ping 192.168.0.1 now");
    }

    @ParameterizedTest
    @ValueSource(strings = {"e.g. this", "file.txt", "version 1.2.3", "Mr.Smith", "a.b.a.b.a.b", "user@example.com"})
    void ignoresThingsThatAreNotUrls(String text) {
        none(recognizer, text);
    }

    @Test
    void contextRaisesScore() {
        double bare = found(recognizer, "https://example.com", "https://example.com", "URL").score();
        for (String text : new String[] {"Link: https://example.com", "Webseite https://example.com",
                "le lien https://example.com", "enlace https://example.com", "il sito https://example.com"}) {
            assertTrue(found(recognizer, text, "https://example.com", "URL").score() > bare, text);
        }
    }
}
