package dev.tollgate.policy.drools;

import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.ObligationType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tollgate.policy.drools.ShippedPolicies.ruleIds;
import static dev.tollgate.policy.drools.ShippedPolicies.verdict;
import static dev.tollgate.policy.drools.TestFacts.CLOUD_EU;
import static dev.tollgate.policy.drools.TestFacts.SLM_LOCAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class GdprPackTest {
    private static final String PACK = "gdpr";

    @Test
    void germanPatientsDiagnosisStaysOnTheDevice() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().subject("DE").entities("PERSON").categories("health"));

        assertEquals(List.of("cloud-eu", "cloud-us"), verdict.forbidden());
        assertFalse(verdict.deny());
        assertNull(verdict.route());
        assertEquals(new Reason("gdpr.art9.local-only", "drools", "gdpr", "GDPR Art. 9(1)",
                "Special category data (GDPR Art. 9) detected: on-device model only"), verdict.reasons().getFirst());
    }

    @Test
    void specialCategoryRefusesEveryDestinationThatIsNotOnDevice() throws Exception {
        DestinationFacts edge = new DestinationFacts("edge-box", "edge", "DE", "x", true, false, false, false, true, true, false, false);
        PartialVerdict verdict = verdict(PACK, TestFacts.request().categories("genetic").destinations(SLM_LOCAL, edge));

        assertEquals(List.of("edge-box"), verdict.forbidden());
    }

    @Test
    void personalDataGoesOnlyToCloudProcessorsWithDpaThatDoNotTrain() throws Exception {
        DestinationFacts noDpa = new DestinationFacts("cloud-nodpa", "cloud", "IE", "x", false, false, false, false, true, false, false, false);
        DestinationFacts trains = new DestinationFacts("cloud-trains", "cloud", "IE", "y", true, true, false, false, true, false, false, false);
        PartialVerdict verdict = verdict(PACK, TestFacts.request().entities("PERSON")
                .destinations(SLM_LOCAL, CLOUD_EU, noDpa, trains));

        assertEquals(List.of("cloud-nodpa", "cloud-trains"), verdict.forbidden());
        assertEquals(1, ruleIds(verdict).stream().filter("gdpr.art28.processor-safeguards"::equals).count(),
                "one reason for a rule that fired for two destinations");
    }

    @Test
    void withoutPersonalDataNoRuleFires() throws Exception {
        DestinationFacts noDpa = new DestinationFacts("cloud-nodpa", "cloud", "IE", "x", false, false, false, false, true, false, false, false);
        PartialVerdict verdict = verdict(PACK, TestFacts.request().destinations(SLM_LOCAL, noDpa));

        assertEquals(List.of(), verdict.forbidden());
        assertEquals(List.of(), verdict.obligations());
        assertEquals(List.of(), verdict.reasons());
    }

    @Test
    void personalDataIsMaskedForTheCloud() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().entities("PERSON", "EMAIL_ADDRESS"));

        assertEquals(List.of(new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "PERSON"), DestinationKind.CLOUD)), verdict.obligations());
        assertEquals(List.of(), verdict.forbidden());
        assertEquals(List.of("gdpr.art28.mask-for-cloud"), ruleIds(verdict));
        assertEquals("GDPR Art. 25(1), Art. 32(1)(a)", verdict.reasons().getFirst().basis());
    }

    @Test
    void directIdentifiersAreMaskedOnEveryRoute() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().subject("FR")
                .entities("PERSON", "IBAN_CODE", "PHONE_NUMBER", "FR_NIR"));

        assertEquals(List.of(
                new Obligation(ObligationType.MASK, List.of("FR_NIR", "IBAN_CODE"), null),
                new Obligation(ObligationType.MASK, List.of("FR_NIR", "IBAN_CODE", "PERSON", "PHONE_NUMBER"), DestinationKind.CLOUD)),
                verdict.obligations());
        Reason minimisation = verdict.reasons().stream()
                .filter(reason -> reason.rule().equals("gdpr.art5.minimisation")).findFirst().orElseThrow();
        assertEquals("GDPR Art. 5(1)(c)", minimisation.basis());
    }

    @Test
    void identifiersATaskMayNeedAreNotMaskedOnTheDevice() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().entities("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"));

        assertEquals(List.of("gdpr.art28.mask-for-cloud"), ruleIds(verdict));
    }
}
