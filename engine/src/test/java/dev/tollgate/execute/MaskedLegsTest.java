package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.mask.HashKey;
import dev.tollgate.mask.Masker;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.policy.Obligation;
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
        MaskedLegs legs = legs(List.of(new Obligation("mask", List.of("EMAIL_ADDRESS", "IBAN_CODE"), "cloud")));
        assertEquals(TEXT, legs.forSlm().getFirst().content());
        assertEquals("Refund to <IBAN_CODE_1>, confirm to <EMAIL_ADDRESS_1>", legs.forCloud().getFirst().content());
        assertEquals(Map.of("EMAIL_ADDRESS", 1, "IBAN_CODE", 1), legs.masked(true));
        assertEquals(Map.of(), legs.masked(false));
    }

    @Test
    void anObligationForAnyRouteMasksBothLegs() {
        MaskedLegs legs = legs(List.of(new Obligation("mask", List.of("IBAN_CODE"), null),
                new Obligation("mask", List.of("EMAIL_ADDRESS"), "cloud")));
        assertEquals("Refund to <IBAN_CODE_1>, confirm to ana.lopez@example.org", legs.forSlm().getFirst().content());
        assertEquals("Refund to <IBAN_CODE_1>, confirm to <EMAIL_ADDRESS_1>", legs.forCloud().getFirst().content());
    }

    @Test
    void anOnDeviceDraftIsMaskedBeforeItGoesToTheCloudAndAnswersAreRestored() {
        MaskedLegs legs = legs(List.of(new Obligation("mask", List.of("EMAIL_ADDRESS", "IBAN_CODE"), "cloud")));
        String draft = "Done: DE89 3704 0044 0532 0130 00 refunded, mail sent to ana.lopez@example.org and x@y.org";
        String masked = legs.forCloud(draft);
        assertFalse(masked.contains("ana.lopez") || masked.contains("DE89") || masked.contains("x@y.org"), masked);
        assertTrue(masked.contains("<EMAIL_ADDRESS_1>") && masked.contains("<IBAN_CODE_1>"), masked);
        assertEquals("Mail ana.lopez@example.org about DE89 3704 0044 0532 0130 00",
                legs.restore("Mail <EMAIL_ADDRESS_1> about [IBAN_CODE_1]"));
    }
}
