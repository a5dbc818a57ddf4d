package dev.tollgate.pii.presidio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.pii.Recognizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Overlap resolution between local findings and Presidio's, with Presidio's answer made by hand. */
class LocalAndPresidioTest {
    private static final String TEXT = "Write to Jane Roe at jane.roe@example.com about Lisbon.";

    private static Finding local(String type, int start, int end, double score) {
        return new Finding(type, start, end, score, "pattern", "test");
    }

    private static String presidioResult(String type, int start, int end, double score) {
        return String.format(Locale.ROOT,
                "{\"entity_type\":\"%s\",\"start\":%d,\"end\":%d,\"score\":%s,"
                        + "\"analysis_explanation\":{\"recognizer\":\"TestRecognizer\"}}", type, start, end, score);
    }

    private static List<Finding> detect(List<Finding> localFindings, String... presidioResults) {
        String json = Stream.of(presidioResults).collect(Collectors.joining(",", "[", "]"));
        try (FakePresidio presidio = FakePresidio.start(FakePresidio.Behaviour.answer(json))) {
            PiiDetector local = new PiiDetector(List.of(text -> localFindings));
            PresidioRecognizer remote = new PresidioRecognizer(
                    new PresidioClient(presidio.url(), Duration.ofSeconds(5)), PresidioMode.REQUIRED, "en");
            return LocalAndPresidio.merging(local, remote).recognize(TEXT);
        }
    }

    @Test
    void presidioFindingWithHigherScoreReplacesOverlappingLocalOne() {
        List<Finding> found = detect(List.of(local("PERSON", 9, 13, 0.6)), presidioResult("PERSON", 9, 17, 0.85));
        assertEquals(1, found.size(), () -> "findings " + found);
        assertEquals("presidio", found.get(0).source());
        assertEquals(17, found.get(0).end());
        assertEquals("Presidio TestRecognizer", found.get(0).explanation());
    }

    @Test
    void localFindingWithHigherScoreBeatsOverlappingPresidioOne() {
        List<Finding> found = detect(List.of(local("EMAIL_ADDRESS", 21, 41, 1.0)), presidioResult("URL", 30, 41, 0.5));
        assertEquals(List.of(local("EMAIL_ADDRESS", 21, 41, 1.0)), found);
    }

    @Test
    void atEqualScoreTheMoreSpecificTypeWinsWhicheverSourceFoundIt() {
        List<Finding> localEmail = detect(List.of(local("EMAIL_ADDRESS", 21, 41, 0.5)), presidioResult("URL", 21, 41, 0.5));
        assertEquals(List.of("EMAIL_ADDRESS/pattern"), typesAndSources(localEmail));
        List<Finding> presidioEmail = detect(List.of(local("URL", 30, 41, 0.5)), presidioResult("EMAIL_ADDRESS", 21, 41, 0.5));
        assertEquals(List.of("EMAIL_ADDRESS/presidio"), typesAndSources(presidioEmail));
    }

    @Test
    void atEqualScoreAndSpecificityTheLongerSpanWins() {
        List<Finding> found = detect(List.of(local("LOCATION", 48, 51, 0.85)), presidioResult("LOCATION", 48, 54, 0.85));
        assertEquals(List.of("LOCATION/presidio"), typesAndSources(found));
        assertEquals(54, found.get(0).end());
    }

    @Test
    void nonOverlappingFindingsOfBothSourcesAreAllKeptInTextOrder() {
        List<Finding> found = detect(List.of(local("EMAIL_ADDRESS", 21, 41, 1.0)),
                presidioResult("LOCATION", 48, 54, 0.85), presidioResult("PERSON", 9, 17, 0.85));
        assertEquals(List.of("PERSON/presidio", "EMAIL_ADDRESS/pattern", "LOCATION/presidio"), typesAndSources(found));
    }

    @Test
    void theSameEntityFoundByBothIsReportedOnce() {
        List<Finding> found = detect(List.of(local("EMAIL_ADDRESS", 21, 41, 1.0)), presidioResult("EMAIL_ADDRESS", 21, 41, 1.0));
        assertEquals(1, found.size(), () -> "findings " + found);
        assertEquals("EMAIL_ADDRESS", found.get(0).type());
    }

    @Test
    void presidioIsAskedBeforeTheLocalRecognizersFinish() {
        try (FakePresidio presidio = FakePresidio.start(FakePresidio.Behaviour.answer("[" + presidioResult("PERSON", 9, 17, 0.85) + "]"))) {
            Recognizer waitsForPresidioRequest = text -> {
                try {
                    boolean asked = presidio.firstRequest().await(5, TimeUnit.SECONDS);
                    return asked ? List.of(local("LOCATION", 48, 54, 0.9)) : List.of();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            };
            PresidioRecognizer remote = new PresidioRecognizer(
                    new PresidioClient(presidio.url(), Duration.ofSeconds(10)), PresidioMode.REQUIRED, "en");
            List<Finding> found = LocalAndPresidio.merging(new PiiDetector(List.of(waitsForPresidioRequest)), remote)
                    .recognize(TEXT);
            assertEquals(List.of("PERSON/presidio", "LOCATION/pattern"), typesAndSources(found));
        }
    }

    @Test
    void offModeNeverCallsPresidio() {
        try (FakePresidio presidio = FakePresidio.start(FakePresidio.Behaviour.answer("[" + presidioResult("PERSON", 9, 17, 0.85) + "]"))) {
            PresidioRecognizer off = new PresidioRecognizer(
                    new PresidioClient(presidio.url(), Duration.ofSeconds(5)), PresidioMode.OFF, "en");
            List<Finding> found = LocalAndPresidio.merging(new PiiDetector(List.of(text -> List.of())), off).recognize(TEXT);
            assertTrue(found.isEmpty(), () -> "findings " + found);
            assertEquals(0, presidio.requests());
        }
    }

    private static List<String> typesAndSources(List<Finding> findings) {
        return findings.stream().map(f -> f.type() + "/" + f.source()).toList();
    }
}
