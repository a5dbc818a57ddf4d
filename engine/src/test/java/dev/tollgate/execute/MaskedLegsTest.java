package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.mask.HashKey;
import dev.tollgate.mask.Masker;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.pii.ner.NerRecognizer;
import dev.tollgate.policy.Obligation;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskedLegsTest {
    private static final String TEXT = "Refund to DE89 3704 0044 0532 0130 00, confirm to ana.lopez@example.org";

    private static MaskedLegs legs(List<Obligation> obligations) {
        return new MaskedLegs(List.of(new Message("user", TEXT)), obligations, PiiDetector.defaults(),
                new Masker(Map.of(), HashKey.random()));
    }

    @Test
    void aCloudObligationMasksOnlyTheCloudLeg() {
        MaskedLegs legs = legs(List.of(new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "IBAN_CODE"), DestinationKind.CLOUD)));
        assertEquals(TEXT, legs.forSlm().getFirst().content());
        assertEquals("Refund to <IBAN_CODE_1>, confirm to <EMAIL_ADDRESS_1>", legs.forCloud().getFirst().content());
        assertEquals(Map.of("EMAIL_ADDRESS", 1, "IBAN_CODE", 1), legs.masked(true));
        assertEquals(Map.of(), legs.masked(false));
    }

    @Test
    void anObligationForAnyRouteMasksBothLegs() {
        MaskedLegs legs = legs(List.of(new Obligation(ObligationType.MASK, List.of("IBAN_CODE"), null),
                new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS"), DestinationKind.CLOUD)));
        assertEquals("Refund to <IBAN_CODE_1>, confirm to ana.lopez@example.org", legs.forSlm().getFirst().content());
        assertEquals("Refund to <IBAN_CODE_1>, confirm to <EMAIL_ADDRESS_1>", legs.forCloud().getFirst().content());
    }

    @Test
    void anOnDeviceDraftIsMaskedBeforeItGoesToTheCloudAndAnswersAreRestored() {
        MaskedLegs legs = legs(List.of(new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "IBAN_CODE"), DestinationKind.CLOUD)));
        String draft = "Done: DE89 3704 0044 0532 0130 00 refunded, mail sent to ana.lopez@example.org and x@y.org";
        String masked = legs.forCloud(draft);
        assertFalse(masked.contains("ana.lopez") || masked.contains("DE89") || masked.contains("x@y.org"), masked);
        assertTrue(masked.contains("<EMAIL_ADDRESS_1>") && masked.contains("<IBAN_CODE_1>"), masked);
        assertEquals("Mail ana.lopez@example.org about DE89 3704 0044 0532 0130 00",
                legs.restore("Mail <EMAIL_ADDRESS_1> about [IBAN_CODE_1]"));
    }

    @Test
    void theOnDeviceDraftsPartsOfTheRequestsValuesAreMaskedForTheCloud() throws Exception {
        String request = "Draft a short reply to Maria Schmidt (maria.schmidt@example.com) confirming her appointment";
        MaskedLegs legs = new MaskedLegs(List.of(new Message("user", request)),
                List.of(new Obligation(ObligationType.MASK, List.of("PERSON", "EMAIL_ADDRESS"), DestinationKind.CLOUD)),
                PiiDetector.defaults().with(NerRecognizer.load(NerModelCache.modelFile(TestService.ROOT), 0.5)),
                new Masker(Map.of(), HashKey.random()));
        assertEquals("Draft a short reply to <PERSON_1> (<EMAIL_ADDRESS_1>) confirming her appointment",
                legs.forCloud().getFirst().content());
        assertEquals("<PERSON_1>, your appointment is confirmed. <PERSON_1>, <PERSON_1> (<EMAIL_ADDRESS_1>)",
                legs.forCloud("Maria, your appointment is confirmed. Schmidt, <PERSON_1> (maria.schmidt)"));
        assertEquals("Dear Maria Schmidt,", legs.restore("Dear <PERSON_1>,"), "a part restores to its whole value");
    }

    @Test
    void partsOfAValueInAnyMessageOfTheRequestAreMaskedForTheCloudAndCounted() {
        List<Message> messages = List.of(new Message("system", "Account ends 0532 0130 00; customer ana.lopez"),
                new Message("user", TEXT));
        MaskedLegs legs = new MaskedLegs(messages,
                List.of(new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "IBAN_CODE"), DestinationKind.CLOUD)),
                PiiDetector.defaults(), new Masker(Map.of(), HashKey.random()));
        assertEquals("Account ends <IBAN_CODE_1>; customer <EMAIL_ADDRESS_1>", legs.forCloud().getFirst().content());
        assertEquals(Map.of("EMAIL_ADDRESS", 2, "IBAN_CODE", 2), legs.masked(true));
        assertEquals(messages.getFirst().content(), legs.forSlm().getFirst().content());
    }

    @Test
    void aValueAnOnDeviceAnswerRevealsIsMaskedInEveryMessageSentAfter() {
        MaskedLegs legs = legs(List.of(new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "IBAN_CODE"), DestinationKind.CLOUD)));
        assertEquals("Copy to <EMAIL_ADDRESS_2>.", legs.forCloud("Copy to jonas.weber@example.net."));
        List<Message> sent = legs.remasked(List.of(new Message("system", "Jonas Weber prefers short answers")));
        assertEquals("<EMAIL_ADDRESS_2> <EMAIL_ADDRESS_2> prefers short answers", sent.getFirst().content());
    }
}
