package dev.tollgate.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.recognizers.TestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiDetectorTest {
    private static final PiiDetector DETECTOR = PiiDetector.defaults();

    private static Finding finding(String type, int start, int end, double score) {
        return new Finding(type, start, end, score, "pattern", "test");
    }

    private static void assertSpan(String text, Finding f, String type, String value) {
        assertEquals(type, f.type());
        assertEquals(text.indexOf(value), f.start(), type + " start");
        assertEquals(text.indexOf(value) + value.length(), f.end(), type + " end");
    }

    @Test
    void frenchSentenceYieldsPersonIbanAndPhoneWithExactSpans() {
        String text = "Bonjour, je m'appelle Camille Martin, mon IBAN est FR14 2004 1010 0505 0001 3M02 606 "
                + "et mon numéro est +33 6 12 34 56 78.";
        List<Finding> findings = DETECTOR.recognize(text);
        assertEquals(3, findings.size(), () -> "findings " + findings);
        assertSpan(text, findings.get(0), "PERSON", "Camille Martin");
        assertSpan(text, findings.get(1), "IBAN_CODE", "FR14 2004 1010 0505 0001 3M02 606");
        assertSpan(text, findings.get(2), "PHONE_NUMBER", "+33 6 12 34 56 78");
    }

    @Test
    void findsEveryEntityTypeInAMixedText() {
        String card = TestIds.luhn("545454545454545");
        String text = "Hello, my name is Anna Schmidt. Mail anna@example.de or call +49 30 1234567. "
                + "IBAN DE89 3704 0044 0532 0130 00, card " + card + ", born 12.03.1985, "
                + "server 10.0.0.12, see https://portal.example.com/x.";
        List<String> types = DETECTOR.recognize(text).stream().map(Finding::type).toList();
        assertEquals(List.of("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "DATE_OF_BIRTH",
                "IP_ADDRESS", "URL"), types);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hi, my name is Emily Clarke, call me on +44 20 7946 0958 or mail emily@example.co.uk."
                    + "|PERSON,PHONE_NUMBER,EMAIL_ADDRESS",
            "Guten Tag, ich heiße Lukas Schneider, Steuer-ID 86 095 742 719, Telefon 030 1234567."
                    + "|PERSON,DE_TAX_ID,PHONE_NUMBER",
            "Hola, me llamo Lucía Fernández, mi DNI es 48213657E y mi teléfono +34 612 345 678."
                    + "|PERSON,ES_NIF,PHONE_NUMBER",
            "Buongiorno, mi chiamo Giulia Rossi, nata il 12 marzo 1985, IBAN IT60 X054 2811 1010 0000 0123 456."
                    + "|PERSON,DATE_OF_BIRTH,IBAN_CODE"})
    void findsEntitiesInSentencesOfEachLanguage(String text, String expectedTypes) {
        List<String> types = DETECTOR.recognize(text).stream().map(Finding::type).toList();
        assertEquals(List.of(expectedTypes.split(",")), types);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        List<String> texts = List.of(
                "Bonjour, je m'appelle Camille Martin, IBAN FR14 2004 1010 0505 0001 3M02 606.",
                "Mr. John Smith, phone +44 20 7946 0958, card " + TestIds.luhn("545454545454545"),
                "Geboren am 12.03.1985, Steuer-ID 86 095 742 719, Mail anna@example.de");
        List<List<Finding>> expected = texts.stream().map(DETECTOR::recognize).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int k = i % texts.size();
                        if (!DETECTOR.recognize(texts.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyTextHasNoFindings() {
        assertEquals(List.of(), DETECTOR.recognize(""));
    }

    @Test
    void emojiRtlControlCharsAndLoneSurrogatesKeepSpansCorrect() {
        String text = "😀👩‍👩‍👧 \u202Eשלום مرحبا\u202C\u0000\u0007 Mr. John Smith \uD800 mail: a.b@example.com \uDC00"
                + " tel +49 30 1234567\u200B IBAN DE89370400440532013000\uFEFF 🇩🇪";
        List<Finding> findings = DETECTOR.recognize(text);
        assertEquals(4, findings.size(), () -> "findings " + findings);
        assertSpan(text, findings.get(0), "PERSON", "John Smith");
        assertSpan(text, findings.get(1), "EMAIL_ADDRESS", "a.b@example.com");
        // Invisible characters at a value's edges belong to its span, so masking removes them too.
        assertSpan(text, findings.get(2), "PHONE_NUMBER", "+49 30 1234567\u200B");
        assertSpan(text, findings.get(3), "IBAN_CODE", "DE89370400440532013000\uFEFF");
    }

    @Test
    void survivesArbitraryUnicodeNoise() {
        StringBuilder sb = new StringBuilder();
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            sb.append((char) random.nextInt(0x10000));
        }
        for (Finding f : DETECTOR.recognize(sb.toString())) {
            assertTrue(f.start() >= 0 && f.start() < f.end() && f.end() <= sb.length());
        }
    }

    @Test
    void higherScoreWins() {
        List<Finding> resolved = PiiDetector.resolveOverlaps(List.of(
                finding("PHONE_NUMBER", 0, 20, 0.95), finding("IBAN_CODE", 5, 25, 0.9)));
        assertEquals(List.of(finding("PHONE_NUMBER", 0, 20, 0.95)), resolved);
    }

    @Test
    void onEqualScoreTheMoreSpecificTypeWins() {
        assertEquals("IBAN_CODE", PiiDetector.resolveOverlaps(List.of(
                finding("PHONE_NUMBER", 0, 30, 0.9), finding("IBAN_CODE", 4, 20, 0.9))).get(0).type());
        assertEquals("CREDIT_CARD", PiiDetector.resolveOverlaps(List.of(
                finding("IMEI", 0, 15, 0.85), finding("CREDIT_CARD", 0, 15, 0.85))).get(0).type());
        assertEquals("CREDIT_CARD", PiiDetector.resolveOverlaps(List.of(
                finding("PHONE_NUMBER", 0, 19, 0.7), finding("CREDIT_CARD", 0, 19, 0.7))).get(0).type());
    }

    @Test
    void onEqualScoreAndTypeTheLongerSpanWins() {
        assertEquals(List.of(finding("PERSON", 3, 20, 0.8)), PiiDetector.resolveOverlaps(List.of(
                finding("PERSON", 3, 10, 0.8), finding("PERSON", 3, 20, 0.8))));
    }

    @Test
    void keepsNonOverlappingAndAdjacentFindingsSortedByStart() {
        List<Finding> resolved = PiiDetector.resolveOverlaps(List.of(
                finding("URL", 30, 40, 0.5), finding("PERSON", 0, 10, 0.8), finding("EMAIL_ADDRESS", 10, 30, 0.9),
                finding("PHONE_NUMBER", 35, 45, 0.4)));
        assertEquals(List.of(finding("PERSON", 0, 10, 0.8), finding("EMAIL_ADDRESS", 10, 30, 0.9),
                finding("URL", 30, 40, 0.5)), resolved);
    }

    @Test
    void anIbansDigitsAreNotAlsoReportedAsAnotherType() {
        String text = "IBAN DE89 3704 0044 0532 0130 00";
        List<Finding> findings = DETECTOR.recognize(text);
        assertEquals(1, findings.size(), () -> "findings " + findings);
        assertEquals("IBAN_CODE", findings.get(0).type());
    }

    @Test
    void defaultsIncludeOneRecognizerPerEntityTypeAndThreeForOrganisations() {
        assertEquals(28, DETECTOR.recognizers().size());
    }
}
