package dev.tollgate.policy.drools;

import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.policy.PartialVerdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tollgate.policy.drools.ShippedPolicies.ruleIds;
import static dev.tollgate.policy.drools.ShippedPolicies.verdict;
import static dev.tollgate.policy.drools.TestFacts.CLOUD_EU;
import static dev.tollgate.policy.drools.TestFacts.CLOUD_US;
import static dev.tollgate.policy.drools.TestFacts.SLM_LOCAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ResidencyPackTest {
    private static final String PACK = "data-residency";

    private static final DestinationFacts CLOUD_CN = cloud("cloud-cn", "CN", false, false);

    private static DestinationFacts cloud(String id, String country, boolean scc, boolean dpf) {
        return new DestinationFacts(id, "cloud", country, "provider", true, false, scc, dpf, true, false, false, false);
    }

    @Test
    void personalDataOfAPersonInTheEeaDoesNotGoToAThirdCountryWithoutSafeguards() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().subject("ES").entities("PERSON"));

        assertEquals(List.of("cloud-us"), verdict.forbidden());
        assertEquals(List.of("residency.eea-transfer"), ruleIds(verdict));
        assertEquals("GDPR Art. 3(1), 44-46", verdict.reasons().getFirst().basis());
    }

    @Test
    void aControllerInTheEeaIsBoundWhateverTheSubjectsCountry() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().controller("DE").subject("US").entities("PERSON")
                .destinations(SLM_LOCAL, CLOUD_EU, CLOUD_CN));

        assertEquals(List.of("cloud-cn"), verdict.forbidden());
        assertEquals(List.of("residency.eea-transfer"), ruleIds(verdict));
    }

    @Test
    void aControllerOutsideTheEeaIsBoundForASubjectInTheEea() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().controller("US").subject("IT").entities("PERSON")
                .destinations(SLM_LOCAL, CLOUD_CN));

        assertEquals(List.of("cloud-cn"), verdict.forbidden());
    }

    @Test
    void unknownSubjectCountryIsTreatedAsTheEea() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().controller("US").subject("ZZ").entities("PERSON"));

        assertEquals(List.of("cloud-us"), verdict.forbidden());
    }

    @Test
    void unknownControllerEstablishmentIsTreatedAsTheEea() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().controller("ZZ").subject("US").entities("PERSON"));

        assertEquals(List.of("cloud-us"), verdict.forbidden());
    }

    @Test
    void neitherControllerNorSubjectInTheEeaLeavesTheTransferRuleOut() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().controller("US").subject("US").entities("PERSON")
                .destinations(SLM_LOCAL, CLOUD_US, CLOUD_CN));

        assertEquals(List.of(), verdict.forbidden());
        assertEquals(List.of(), verdict.reasons());
    }

    @Test
    void adequacyDecisionOrContractualClausesPermitTheTransfer() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().subject("DE").entities("PERSON")
                .destinations(SLM_LOCAL, CLOUD_EU, cloud("cloud-cn-scc", "CN", true, false),
                        cloud("cloud-ch", "CH", false, false), cloud("cloud-in", "IN", false, false)));

        assertEquals(List.of("cloud-in"), verdict.forbidden());
    }

    @Test
    void aDpfCertificationCountsForAUsDestinationOnly() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().subject("DE").entities("PERSON")
                .destinations(cloud("cloud-us-dpf", "US", false, true), cloud("cloud-cn-dpf", "CN", false, true)));

        assertEquals(List.of("cloud-cn-dpf"), verdict.forbidden());
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
