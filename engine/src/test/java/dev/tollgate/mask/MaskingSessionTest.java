package dev.tollgate.mask;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.PiiDetector;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
}
