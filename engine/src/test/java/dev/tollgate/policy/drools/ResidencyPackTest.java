package dev.tollgate.policy.drools;

import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.policy.PartialVerdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tollgate.policy.drools.ShippedPolicies.ruleIds;
import static dev.tollgate.policy.drools.ShippedPolicies.verdict;
import static dev.tollgate.policy.drools.TestFacts.CLOUD_EU;
import static dev.tollgate.policy.drools.TestFacts.SLM_LOCAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ResidencyPackTest {
    private static final String PACK = "data-residency";

    @Test
    void personalDataOfAPersonInTheEeaDoesNotGoToAThirdCountryWithoutSafeguards() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().subject("ES").entities("PERSON"));

        assertEquals(List.of("cloud-us"), verdict.forbidden());
        assertEquals(List.of("residency.eea-transfer"), ruleIds(verdict));
        assertEquals("GDPR Art. 44-46", verdict.reasons().getFirst().basis());
    }

    @Test
    void unknownSubjectCountryIsTreatedAsTheEea() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().subject("ZZ").entities("PERSON"));

        assertEquals(List.of("cloud-us"), verdict.forbidden());
    }

    @Test
    void subjectOutsideTheEeaIsNotRestrictedByTheTransferRule() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().subject("US").entities("PERSON"));

        assertEquals(List.of(), verdict.forbidden());
        assertEquals(List.of(), verdict.reasons());
    }

    @Test
    void adequacyDecisionOrContractualClausesPermitTheTransfer() throws Exception {
        DestinationFacts usWithScc = new DestinationFacts("cloud-us-scc", "cloud", "US", "x", true, false, true, true, false);
        DestinationFacts swiss = new DestinationFacts("cloud-ch", "cloud", "CH", "y", true, false, false, true, false);
        DestinationFacts india = new DestinationFacts("cloud-in", "cloud", "IN", "z", true, false, false, true, false);
        PartialVerdict verdict = verdict(PACK, TestFacts.request().subject("DE").entities("PERSON")
                .destinations(SLM_LOCAL, CLOUD_EU, usWithScc, swiss, india));

        assertEquals(List.of("cloud-in"), verdict.forbidden());
    }

    @Test
    void withoutPersonalDataTheTransferRuleDoesNotApply() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().subject("DE"));

        assertEquals(List.of(), verdict.forbidden());
    }

    @Test
    void tenantPinnedToACountryStaysThere() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().tenantResidency("DE").subject("US"));

        assertEquals(List.of("cloud-eu", "cloud-us"), verdict.forbidden());
        assertEquals(List.of("residency.tenant-pinned-country"), ruleIds(verdict));
        assertEquals("Tenant residency commitment (contract), GDPR Art. 28(3)(a)", verdict.reasons().getFirst().basis());
    }

    @Test
    void tenantPinnedToTheEuStaysInTheEea() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().tenantResidency("EU").subject("US"));

        assertEquals(List.of("cloud-us"), verdict.forbidden());
        assertEquals(List.of("residency.tenant-pinned-eea"), ruleIds(verdict));
    }

    @Test
    void tenantWithoutPinIsNotRestricted() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().tenantResidency("NONE").subject("US"));

        assertEquals(List.of(), verdict.forbidden());
    }
}
