package dev.tollgate.pii.presidio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.testing.PresidioServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against a real Presidio analyzer (docker/presidio, started by the test). */
class PresidioClientTest {
    private static PresidioClient client;

    @BeforeAll
    static void connect() {
        client = new PresidioClient(PresidioServer.url(), Duration.ofSeconds(10));
    }

    private static Finding only(List<Finding> findings, String type) {
        List<Finding> ofType = findings.stream().filter(f -> f.type().equals(type)).toList();
        assertEquals(1, ofType.size(), () -> type + " in " + findings);
        return ofType.get(0);
    }

    private static void assertSpan(String text, Finding finding, String value) {
        assertEquals(value, text.substring(finding.start(), finding.end()), () -> "span of " + finding);
    }

    @Test
    void findsPersonAndEmailWithTheirExactSpans() {
        String text = "My name is John Smith and my email is john.smith@example.com.";
        List<Finding> findings = client.analyze(text, "en");
        Finding person = only(findings, "PERSON");
        Finding email = only(findings, "EMAIL_ADDRESS");
        assertSpan(text, person, "John Smith");
        assertSpan(text, email, "john.smith@example.com");
        assertEquals("presidio", person.source());
        assertEquals("Presidio SpacyRecognizer", person.explanation());
        assertEquals("Presidio EmailRecognizer", email.explanation());
        assertEquals(1.0, email.score());
    }

    @Test
    void offsetsCountUtf16UnitsAfterCharactersOutsideTheBasicPlane() {
        String text = "Réunion 😀😀 with David Johnson, mail david.johnson@example.org";
        List<Finding> findings = client.analyze(text, "en");
        assertSpan(text, only(findings, "PERSON"), "David Johnson");
        assertSpan(text, only(findings, "EMAIL_ADDRESS"), "david.johnson@example.org");
    }

    @Test
    void unpairedSurrogatesDoNotStopAnalysisNorShiftOffsets() {
        String text = "Broken \uD800 text \uDC00 from David Johnson, mail david.johnson@example.org";
        List<Finding> findings = client.analyze(text, "en");
        assertSpan(text, only(findings, "EMAIL_ADDRESS"), "david.johnson@example.org");
    }

    @Test
    void findsLocationsAsPresidioNamesThem() {
        String text = "Please ask Maria Garcia in Madrid to call back.";
        assertSpan(text, only(client.analyze(text, "en"), "LOCATION"), "Madrid");
    }

    @Test
    void emptyTextHasNoFindings() {
        assertEquals(List.of(), client.analyze("", "en"));
    }

    @Test
    void supportedEntitiesUsePresidiosNames() {
        List<String> entities = client.supportedEntities("en");
        assertTrue(entities.containsAll(List.of("PERSON", "LOCATION", "NRP", "EMAIL_ADDRESS", "IBAN_CODE")),
                () -> "supported " + entities);
    }

    @Test
    void unsupportedLanguageIsAPresidioError() {
        PresidioException e = assertThrows(PresidioException.class, () -> client.analyze("Bonjour Camille", "xx"));
        assertEquals("Presidio /analyze answered HTTP 400", e.getMessage());
    }

    @Test
    void healthIsTrueForTheRunningAnalyzer() {
        assertTrue(client.health());
    }

    @Test
    void requiredPresidioAddsItsEntitiesToLocalPatternFindings() {
        String text = "Anna Schmidt moved to Hamburg; her IBAN is DE89 3704 0044 0532 0130 00.";
        PiiDetector merged = LocalAndPresidio.merging(PiiDetector.defaults(),
                new PresidioRecognizer(client, PresidioMode.REQUIRED, "en"));
        List<Finding> findings = merged.recognize(text);
        Finding location = only(findings, "LOCATION");
        assertSpan(text, location, "Hamburg");
        assertEquals("presidio", location.source());
        assertSpan(text, only(findings, "IBAN_CODE"), "DE89 3704 0044 0532 0130 00");
        assertSpan(text, only(findings, "PERSON"), "Anna Schmidt");
    }
}
