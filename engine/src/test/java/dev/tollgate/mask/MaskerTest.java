package dev.tollgate.mask;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.PiiDetector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskerTest {
    private static final HashKey KEY = HashKey.of("0123456789abcdef0123456789abcdef".getBytes());
    private static final Masker REPLACE_ALL = new Masker(Map.of(), KEY);

    static Finding at(String text, String value, String type) {
        return at(text, value, type, 0.9);
    }

    static Finding at(String text, String value, String type, double score) {
        int start = text.indexOf(value);
        assertTrue(start >= 0, "test text lacks its value");
        return new Finding(type, start, start + value.length(), score, "test", "test");
    }

    /** Every span's offsets point at its replacement in the masked text. */
    static void assertSpansPointAtReplacements(MaskedText masked) {
        int previousEnd = 0;
        for (MaskedSpan s : masked.spans()) {
            assertEquals(s.replacement(), masked.text().substring(s.start(), s.end()));
            assertTrue(s.start() >= previousEnd, "spans overlap or are unsorted");
            previousEnd = s.end();
        }
    }

    @Test
    void frenchExampleWithTheDefaultDetectorGivesOnePlaceholderPerType() {
        String text = "Bonjour, je m'appelle Camille Martin, mon IBAN est FR14 2004 1010 0505 0001 3M02 606 et mon "
                + "numéro est +33 6 12 34 56 78.";
        List<Finding> findings = PiiDetector.defaults().recognize(text);
        MaskedText masked = REPLACE_ALL.mask(text, findings, Set.of("PERSON", "IBAN_CODE", "PHONE_NUMBER"),
                new MaskingSession());
        assertEquals("Bonjour, je m'appelle <PERSON_1>, mon IBAN est <IBAN_CODE_1> et mon numéro est "
                + "<PHONE_NUMBER_1>.", masked.text());
        assertEquals(List.of("PERSON", "IBAN_CODE", "PHONE_NUMBER"),
                masked.spans().stream().map(MaskedSpan::type).toList());
        assertSpansPointAtReplacements(masked);
    }

    @Test
    void sameValueGetsTheSamePlaceholderAndNumbersFollowFirstAppearance() {
        String text = "Anna Schmidt met Ben Weber; later Anna Schmidt called.";
        int second = text.lastIndexOf("Anna Schmidt");
        List<Finding> findings = List.of(
                new Finding("PERSON", second, second + 12, 0.9, "test", "test"),
                at(text, "Ben Weber", "PERSON"),
                at(text, "Anna Schmidt", "PERSON"));
        MaskedText masked = REPLACE_ALL.mask(text, findings, Set.of("PERSON"), new MaskingSession());
        assertEquals("<PERSON_1> met <PERSON_2>; later <PERSON_1> called.", masked.text());
        assertSpansPointAtReplacements(masked);
    }

    @Test
    void placeholdersAreConsistentAcrossTheMessagesOfOneSession() {
        String first = "Write to anna@example.org about Anna Schmidt.";
        String second = "Also copy ben@example.org and anna@example.org.";
        MaskingSession session = new MaskingSession();
        Set<String> types = Set.of("EMAIL_ADDRESS", "PERSON");
        String one = REPLACE_ALL.mask(first, List.of(at(first, "anna@example.org", "EMAIL_ADDRESS"),
                at(first, "Anna Schmidt", "PERSON")), types, session).text();
        int anna = second.lastIndexOf("anna@example.org");
        String two = REPLACE_ALL.mask(second, List.of(at(second, "ben@example.org", "EMAIL_ADDRESS"),
                new Finding("EMAIL_ADDRESS", anna, anna + 16, 0.9, "test", "test")), types, session).text();
        assertEquals("Write to <EMAIL_ADDRESS_1> about <PERSON_1>.", one);
        assertEquals("Also copy <EMAIL_ADDRESS_2> and <EMAIL_ADDRESS_1>.", two);
        assertEquals(3, session.size());
    }

    @Test
    void aNewSessionStartsNumberingAgain() {
        String text = "Ben Weber";
        List<Finding> findings = List.of(at(text, "Ben Weber", "PERSON"));
        MaskingSession session = new MaskingSession();
        REPLACE_ALL.mask("Anna Schmidt", List.of(new Finding("PERSON", 0, 12, 0.9, "t", "t")), Set.of("PERSON"),
                session);
        assertEquals("<PERSON_2>", REPLACE_ALL.mask(text, findings, Set.of("PERSON"), session).text());
        assertEquals("<PERSON_1>", REPLACE_ALL.mask(text, findings, Set.of("PERSON"), new MaskingSession()).text());
    }

    @Test
    void onlyTheRequestedTypesAreMasked() {
        String text = "Anna Schmidt, anna@example.org";
        List<Finding> findings = List.of(at(text, "Anna Schmidt", "PERSON"),
                at(text, "anna@example.org", "EMAIL_ADDRESS"));
        assertEquals("Anna Schmidt, <EMAIL_ADDRESS_1>",
                REPLACE_ALL.mask(text, findings, Set.of("EMAIL_ADDRESS"), new MaskingSession()).text());
        MaskedText none = REPLACE_ALL.mask(text, findings, Set.of(), new MaskingSession());
        assertEquals(text, none.text());
        assertTrue(none.spans().isEmpty());
    }

    @Test
    void redactPutsAMarkerAndRecordsNothingToRestore() {
        String text = "Call Anna Schmidt now";
        Masker masker = new Masker(Map.of("PERSON", Operator.REDACT), KEY);
        MaskingSession session = new MaskingSession();
        MaskedText masked = masker.mask(text, List.of(at(text, "Anna Schmidt", "PERSON")), Set.of("PERSON"), session);
        assertEquals("Call <REDACTED> now", masked.text());
        assertEquals(Operator.REDACT, masked.spans().getFirst().operator());
        assertEquals(0, session.size());
        assertSpansPointAtReplacements(masked);
    }

    @Test
    void hashIsAKeyedTruncatedHmacStablePerKeyAndType() {
        String text = "anna@example.org and anna@example.org";
        List<Finding> findings = List.of(new Finding("EMAIL_ADDRESS", 0, 16, 0.9, "t", "t"),
                new Finding("EMAIL_ADDRESS", 21, 37, 0.9, "t", "t"));
        Masker masker = new Masker(Map.of("EMAIL_ADDRESS", Operator.HASH), KEY);
        MaskedText masked = masker.mask(text, findings, Set.of("EMAIL_ADDRESS"), new MaskingSession());
        String token = masked.spans().getFirst().replacement();
        assertTrue(token.matches("<EMAIL_ADDRESS#[0-9a-f]{16}>"), token);
        assertEquals(token + " and " + token, masked.text());
        assertEquals(masked.text(), masker.mask(text, findings, Set.of("EMAIL_ADDRESS"), new MaskingSession()).text());

        Masker otherKey = new Masker(Map.of("EMAIL_ADDRESS", Operator.HASH),
                HashKey.of("fedcba9876543210fedcba9876543210".getBytes()));
        assertNotEquals(token, otherKey.mask(text, findings, Set.of("EMAIL_ADDRESS"), new MaskingSession())
                .spans().getFirst().replacement());
        Masker asUrl = new Masker(Map.of("URL", Operator.HASH), KEY);
        String urlToken = asUrl.mask(text, List.of(new Finding("URL", 0, 16, 0.9, "t", "t")), Set.of("URL"),
                new MaskingSession()).spans().getFirst().replacement();
        assertNotEquals(token.substring(token.indexOf('#')), urlToken.substring(urlToken.indexOf('#')));
    }

    @Test
    void partialKeepsTheLastFourLettersOrDigits() {
        String text = "card 4111111111111234, iban DE89 3704 0044 0532 0130 00, pin 1234.";
        Masker masker = new Masker(Map.of("CREDIT_CARD", Operator.PARTIAL, "IBAN_CODE", Operator.PARTIAL,
                "PIN", Operator.PARTIAL), KEY);
        List<Finding> findings = List.of(at(text, "4111111111111234", "CREDIT_CARD"),
                at(text, "DE89 3704 0044 0532 0130 00", "IBAN_CODE"), at(text, "1234.", "PIN"));
        MaskedText masked = masker.mask(text, findings, Set.of("CREDIT_CARD", "IBAN_CODE", "PIN"),
                new MaskingSession());
        assertEquals("card ************1234, iban **********************30 00, pin *****", masked.text());
        assertSpansPointAtReplacements(masked);
    }

    @Test
    void ofOverlappingFindingsTheLongestWinsThenTheHigherScore() {
        String text = "mail john.smith@example.org today";
        Finding email = at(text, "john.smith@example.org", "EMAIL_ADDRESS", 0.5);
        Finding person = at(text, "john.smith", "PERSON", 0.99);
        assertEquals("mail <EMAIL_ADDRESS_1> today",
                REPLACE_ALL.mask(text, List.of(person, email), Set.of("PERSON", "EMAIL_ADDRESS"),
                        new MaskingSession()).text());

        String ids = "id 123456789 end";
        Finding low = new Finding("US_SSN", 3, 12, 0.4, "t", "t");
        Finding high = new Finding("NL_BSN", 3, 12, 0.8, "t", "t");
        assertEquals("id <NL_BSN_1> end", REPLACE_ALL.mask(ids, List.of(low, high), Set.of("US_SSN", "NL_BSN"),
                new MaskingSession()).text());
    }

    @Test
    void partlyOverlappingFindingsMergeIntoOneSpanOfTheLongestsType() {
        String text = "x 0123456789 y";
        Finding left = new Finding("A", 2, 9, 0.5, "t", "t");
        Finding right = new Finding("B", 6, 12, 0.9, "t", "t");
        MaskingSession session = new MaskingSession();
        MaskedText masked = REPLACE_ALL.mask(text, List.of(right, left), Set.of("A", "B"), session);
        assertEquals("x <A_1> y", masked.text());
        assertEquals("x 0123456789 y", session.restore(masked.text()));
        assertSpansPointAtReplacements(masked);
    }

    @Test
    void aChainOfOverlapsBecomesOneSpan() {
        String text = "abcdefghij";
        List<Finding> chain = List.of(new Finding("A", 0, 3, 0.9, "t", "t"), new Finding("B", 2, 6, 0.9, "t", "t"),
                new Finding("C", 5, 8, 0.9, "t", "t"));
        assertEquals("<B_1>ij", REPLACE_ALL.mask(text, chain, Set.of("A", "B", "C"), new MaskingSession()).text());
    }

    @Test
    void adjacentFindingsAreBothMasked() {
        String text = "Anna+491701234567";
        List<Finding> findings = List.of(new Finding("PHONE_NUMBER", 4, 17, 0.9, "t", "t"),
                new Finding("PERSON", 0, 4, 0.9, "t", "t"));
        MaskedText masked = REPLACE_ALL.mask(text, findings, Set.of("PERSON", "PHONE_NUMBER"), new MaskingSession());
        assertEquals("<PERSON_1><PHONE_NUMBER_1>", masked.text());
        assertSpansPointAtReplacements(masked);
    }

    @Test
    void aFindingOutsideTheTextIsRefusedRatherThanMaskedPartly() {
        assertThrows(IllegalArgumentException.class, () -> REPLACE_ALL.mask("short",
                List.of(new Finding("PERSON", 2, 9, 0.9, "t", "t")), Set.of("PERSON"), new MaskingSession()));
        assertThrows(IllegalArgumentException.class, () -> REPLACE_ALL.mask("short",
                List.of(new Finding("PERSON", -1, 2, 0.9, "t", "t")), Set.of("PERSON"), new MaskingSession()));
    }

    @Test
    void emptyFindingsAndEmptyTextChangeNothing() {
        assertEquals("", REPLACE_ALL.mask("", List.of(), Set.of("PERSON"), new MaskingSession()).text());
        MaskedText masked = REPLACE_ALL.mask("abc", List.of(new Finding("PERSON", 1, 1, 0.9, "t", "t")),
                Set.of("PERSON"), new MaskingSession());
        assertEquals("abc", masked.text());
        assertTrue(masked.spans().isEmpty());
    }

    @Test
    void manyFindingsInALargeTextAreMaskedInOnePass() {
        StringBuilder text = new StringBuilder();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String mail = "user" + (i % 5_000) + "@example.org";
            findings.add(new Finding("EMAIL_ADDRESS", text.length(), text.length() + mail.length(), 0.9, "t", "t"));
            text.append(mail).append(' ');
        }
        MaskingSession session = new MaskingSession();
        MaskedText masked = REPLACE_ALL.mask(text.toString(), findings, Set.of("EMAIL_ADDRESS"), session);
        assertEquals(10_000, masked.spans().size());
        assertEquals(5_000, session.size());
        assertFalse(masked.text().contains("@"));
        assertEquals("<EMAIL_ADDRESS_1>", masked.spans().get(5_000).replacement());
        assertSpansPointAtReplacements(masked);
    }

    @Test
    void toStringShowsNoText() {
        MaskedText masked = REPLACE_ALL.mask("Anna Schmidt", List.of(new Finding("PERSON", 0, 4, 0.9, "t", "t")),
                Set.of("PERSON"), new MaskingSession());
        assertFalse(masked.toString().contains("Schmidt"));
    }
}
