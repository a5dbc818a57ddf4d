package dev.tollgate.mask;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.PiiDetector;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskingSessionTest {
    private static final Masker MASKER = new Masker(Map.of(), HashKey.random());
    private static final String FRENCH = "Bonjour, je m'appelle Camille Martin, mon IBAN est "
            + "FR14 2004 1010 0505 0001 3M02 606 et mon numéro est +33 6 12 34 56 78.";

    private static MaskingSession maskedFrench() {
        MaskingSession session = new MaskingSession();
        List<Finding> findings = PiiDetector.defaults().recognize(FRENCH);
        MASKER.mask(FRENCH, findings, Set.of("PERSON", "IBAN_CODE", "PHONE_NUMBER"), session);
        return session;
    }

    @Test
    void restoreRoundTripsTheMaskedText() {
        MaskingSession session = new MaskingSession();
        MaskedText masked = MASKER.mask(FRENCH, PiiDetector.defaults().recognize(FRENCH),
                Set.of("PERSON", "IBAN_CODE", "PHONE_NUMBER"), session);
        assertEquals(FRENCH, session.restore(masked.text()));
    }

    @Test
    void restoreReplacesPlaceholdersInAModelAnswer() {
        assertEquals("Merci Camille Martin, votre IBAN FR14 2004 1010 0505 0001 3M02 606 est noté.",
                maskedFrench().restore("Merci <PERSON_1>, votre IBAN <IBAN_CODE_1> est noté."));
    }

    @Test
    void restoreUnderstandsTheCommonlyMangledForms() {
        MaskingSession session = maskedFrench();
        String name = "Camille Martin";
        Map<String, String> forms = Map.of(
                "Hi <PERSON_1 >.", "Hi " + name + ".",
                "Hi < PERSON_1>.", "Hi " + name + ".",
                "Hi [PERSON_1].", "Hi " + name + ".",
                "Hi {PERSON_1}.", "Hi " + name + ".",
                "Hi &lt;PERSON_1&gt;.", "Hi " + name + ".",
                "Hi <person_1>.", "Hi " + name + ".",
                "Hi PERSON_1.", "Hi " + name + ".",
                "Hi (PERSON_1).", "Hi (" + name + ").",
                "Call PHONE_NUMBER_1, Hi PERSON_1", "Call +33 6 12 34 56 78, Hi " + name);
        forms.forEach((answer, expected) -> assertEquals(expected, session.restore(answer), answer));
    }

    @Test
    void restoreLeavesUnknownAndLongerTokensAlone() {
        MaskingSession session = maskedFrench();
        String answer = "<PERSON_2>, PERSON_12, XPERSON_1, PERSON_1a, <EMAIL_ADDRESS_1>, PERSON_1";
        assertEquals("<PERSON_2>, PERSON_12, XPERSON_1, PERSON_1a, <EMAIL_ADDRESS_1>, Camille Martin",
                session.restore(answer));
    }

    @Test
    void restoreDoesNotReplaceInsideARestoredValue() {
        MaskingSession session = new MaskingSession();
        String text = "Name: <PERSON_1> quoted";
        MaskedText masked = MASKER.mask(text, List.of(new Finding("PERSON", 6, 16, 0.9, "t", "t")),
                Set.of("PERSON"), session);
        assertEquals("Name: <PERSON_1> quoted", masked.text());
        assertEquals("<PERSON_1> and <PERSON_1>", session.restore("PERSON_1 and <PERSON_1>"));
    }

    @Test
    void aValueWrittenWithLookAlikesOrBackwardsIsFoundAgainAsAModelWouldRepeatIt() {
        MaskingSession session = new MaskingSession();
        String text = "Mаria Schmidt was born on \u202E5891.30.21\u202C.";
        int name = text.indexOf("Mаria Schmidt");
        int date = text.indexOf("5891.30.21");
        MASKER.mask(text, List.of(new Finding("PERSON", name, name + 13, 0.9, "t", "t"),
                new Finding("DATE_OF_BIRTH", date, date + 10, 0.9, "t", "t")), Set.of("PERSON", "DATE_OF_BIRTH"),
                session);
        assertEquals("Dear <PERSON_1>, born <DATE_OF_BIRTH_1>.", session.maskKnownValues(
                "Dear Maria, born 12.03.1985.", Set.of("PERSON", "DATE_OF_BIRTH")).text());
    }

    @Test
    void anEmptySessionReturnsTheAnswerUnchanged() {
        assertEquals("<PERSON_1> stays", new MaskingSession().restore("<PERSON_1> stays"));
    }

    @Test
    void aTypeThatStartsAnotherTypeIsNotConfused() {
        MaskingSession session = new MaskingSession();
        String text = "ab cd";
        MASKER.mask(text, List.of(new Finding("ID", 0, 2, 0.9, "t", "t"), new Finding("ID_CARD", 3, 5, 0.9, "t", "t")),
                Set.of("ID", "ID_CARD"), session);
        assertEquals("cd then ab", session.restore("<ID_CARD_1> then <ID_1>"));
    }

    @Test
    void theSessionNeverShowsItsValues() {
        MaskingSession session = maskedFrench();
        assertEquals("MaskingSession[3 placeholders]", session.toString());
        assertFalse(Serializable.class.isAssignableFrom(MaskingSession.class));
    }

    private static MaskingSession masked(String type, String value) {
        return masked(MASKER, type, value);
    }

    private static MaskingSession masked(Masker masker, String type, String value) {
        MaskingSession session = new MaskingSession();
        masker.mask(value, List.of(finding(type, 0, value.length())), Set.of(type), session);
        return session;
    }

    /** A session that masked these findings of the text, each of its type. */
    private static MaskingSession masked(String text, Finding... findings) {
        MaskingSession session = new MaskingSession();
        MASKER.mask(text, List.of(findings), Arrays.stream(findings).map(Finding::type).toList(), session);
        return session;
    }

    private static Finding finding(String type, int start, int end) {
        return new Finding(type, start, end, 0.9, "t", "t");
    }

    private static String remasked(MaskingSession session, String text, String... types) {
        return session.maskKnownValues(text, Set.of(types)).text();
    }

    @Test
    void aNameAndEachOfItsWordsAreMaskedWhereverTheyReappearInAnyCase() {
        MaskingSession session = masked("PERSON", "Maria Schmidt");
        assertEquals("<PERSON_1>, thanks. <PERSON_1> wrote to <PERSON_1> and <PERSON_1>.",
                remasked(session, "Maria, thanks. SCHMIDT wrote to maria  schmidt and Maria\nSchmidt.", "PERSON"));
        assertEquals("Mariana and Schmidtke and MariaSchmidt", remasked(session,
                "Mariana and Schmidtke and MariaSchmidt", "PERSON"), "whole words only");
        assertEquals("Dear Maria Schmidt,", session.restore("Dear <PERSON_1>,"), "a part restores to its value");
    }

    @Test
    void titlesParticlesAndInitialsOfANameAreNotMaskedOnTheirOwn() {
        MaskingSession session = masked("PERSON", "Dr. Anna-Lena von der Heide J.");
        assertEquals("der Hund, von hier, Dr. No, J. Doe, <PERSON_1> <PERSON_1> <PERSON_1>",
                remasked(session, "der Hund, von hier, Dr. No, J. Doe, Anna Lena Heide", "PERSON"));
    }

    @Test
    void anEmailsLocalPartAndItsNamePiecesAreMasked() {
        MaskingSession session = masked("EMAIL_ADDRESS", "maria.schmidt@example.com");
        assertEquals("<EMAIL_ADDRESS_1> or <EMAIL_ADDRESS_1>_<EMAIL_ADDRESS_1>; <EMAIL_ADDRESS_1> wrote "
                        + "<EMAIL_ADDRESS_1>",
                remasked(session, "MARIA.SCHMIDT@example.com or maria_schmidt; Schmidt wrote maria.schmidt",
                        "EMAIL_ADDRESS"));
        assertEquals("Hi <EMAIL_ADDRESS_1>", remasked(masked("EMAIL_ADDRESS", "jonas.weber [at] example [dot] org"),
                "Hi Weber", "EMAIL_ADDRESS"), "the local part of an obfuscated address");
        assertEquals("der Hund, von hier, <EMAIL_ADDRESS_1>", remasked(masked("EMAIL_ADDRESS",
                "ursula.von.der.leyen@example.eu"), "der Hund, von hier, Leyen", "EMAIL_ADDRESS"));
        assertEquals("<PERSON_1> and <PERSON_1>", remasked(masked("PERSON", "Anna Post"), "Anna and Post", "PERSON"),
                "a role name of an e-mail is a name in a name");
        MaskingSession role = masked("EMAIL_ADDRESS", "info.sales@example.com");
        assertEquals("more info, sales up", remasked(role, "more info, sales up", "EMAIL_ADDRESS"));
    }

    @Test
    void aNumbersDigitsAreMaskedInAnyGroupingFromSixDigitsOn() {
        MaskingSession session = masked("IBAN_CODE", "DE89 3704 0044 0532 0130 00");
        String masked = remasked(session, "DE89370400440532013000 | de89 3704 0044 0532 0130 00 | 3704 0044 | "
                + "3704-0044-05 | 370.400 | ٣٧٠٤٠٠٤٤ | 3704\u2009\u200B0044", "IBAN_CODE");
        assertEquals(String.join(" | ", Collections.nCopies(7, "<IBAN_CODE_1>")), masked);
        assertEquals("Room 0044, 2024-05-01, 3704 people", remasked(session, "Room 0044, 2024-05-01, 3704 people",
                "IBAN_CODE"), "runs shorter than six digits stay");
    }

    @Test
    void formatCharactersInsideAReappearanceDoNotHideIt() {
        MaskingSession session = masked("PERSON", "Maria Schmidt");
        assertEquals("Hi <PERSON_1>, <PERSON_1>",
                remasked(session, "Hi Ma\u200Bria Sch\u00ADmidt, Schmi\u2060dt", "PERSON"));
    }

    @Test
    void onlyValuesOfTheGivenTypesAreMasked() {
        MaskingSession session = masked("Maria Schmidt, +49 30 1234567", finding("PERSON", 0, 13),
                finding("PHONE_NUMBER", 15, 29));
        assertEquals("<PERSON_1> at 301234567", remasked(session, "Maria at 301234567", "PERSON"));
        assertEquals("Maria at <PHONE_NUMBER_1>", remasked(session, "Maria at 301234567", "PHONE_NUMBER"));
    }

    @Test
    void valuesMaskedByAnyOperatorAreRememberedAndTheirReplacementsNotLookedInto() {
        Masker hashing = new Masker(Map.of("CREDIT_CARD", Operator.HASH, "EMAIL_ADDRESS", Operator.REDACT),
                HashKey.random());
        MaskingSession card = masked(hashing, "CREDIT_CARD", "4111 1111 1111 1111");
        MaskedText once = card.maskKnownValues("Card 4111111111111111, again 1111 1111", Set.of("CREDIT_CARD"));
        assertTrue(once.text().matches("Card <CREDIT_CARD#[0-9a-f]{16}>, again <CREDIT_CARD#[0-9a-f]{16}>"),
                once.text());
        assertEquals(once.text(), remasked(card, once.text(), "CREDIT_CARD"), "masking again changes nothing");
        assertEquals(List.of("CREDIT_CARD", "CREDIT_CARD"), once.spans().stream().map(MaskedSpan::type).toList());
        assertEquals("From <REDACTED>", remasked(masked(hashing, "EMAIL_ADDRESS", "ana.lopez@example.org"),
                "From Lopez", "EMAIL_ADDRESS"));
    }

    @Test
    void aPartTwoValuesShareGoesToTheValueMaskedFirst() {
        MaskingSession session = masked("Maria Schmidt and Maria Weber", finding("PERSON", 0, 13),
                finding("PERSON", 18, 29));
        assertEquals("<PERSON_1>, <PERSON_1>, <PERSON_2>", remasked(session, "Maria, Schmidt, Weber", "PERSON"));
    }

    @Test
    void aRunOfDigitsOfAnyLengthIsSearchedWithoutRecursion() {
        MaskingSession session = masked("IBAN_CODE", "DE89 3704 0044 0532 0130 00");
        String run = "7 ".repeat(300_000) + "3704 0044";
        assertEquals("<IBAN_CODE_1>", remasked(session, run, "IBAN_CODE"));
        assertEquals(run.replace("3704", "1234"), remasked(session, run.replace("3704", "1234"), "IBAN_CODE"));
    }

    @Test
    void aPartSharedByValuesOfTwoTypesIsFoundForEitherType() {
        MaskingSession session = masked("Maria Schmidt <maria.schmidt@example.com>", finding("PERSON", 0, 13),
                finding("EMAIL_ADDRESS", 15, 40));
        assertEquals("Dear <EMAIL_ADDRESS_1>", remasked(session, "Dear Schmidt", "EMAIL_ADDRESS"));
        assertEquals("Dear <PERSON_1>", remasked(session, "Dear Schmidt", "PERSON"));
    }

    @Test
    void aSearchVerifiesOnlyTermsThatTheTextsWordsStartSoItsWorkGrowsLinearly() {
        for (int values : new int[] {500, 1000, 2000}) {
            MaskingSession session = new MaskingSession();
            StringBuilder text = new StringBuilder();
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i < values; i++) {
                String iban = "DE89 3704 " + (10_000_000 + i) + " 00";
                findings.add(finding("IBAN_CODE", text.length(), text.length() + iban.length()));
                text.append(iban).append(", ");
            }
            MASKER.mask(text.toString(), findings, Set.of("IBAN_CODE"), session);
            MaskedText again = session.maskKnownValues(text.toString(), Set.of("IBAN_CODE"));
            assertEquals(values, again.spans().size());
            assertEquals(values, session.termsVerified(), "one verification per value that reappears, for "
                    + values + " values sharing their first words");
        }
    }
}
