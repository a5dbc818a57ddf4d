package dev.tollgate.policy.drools;

import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.tollgate.policy.drools.ShippedPolicies.ruleIds;
import static dev.tollgate.policy.drools.ShippedPolicies.verdict;
import static dev.tollgate.policy.drools.TestFacts.CLOUD_EU;
import static dev.tollgate.policy.drools.TestFacts.CLOUD_US;
import static dev.tollgate.policy.drools.TestFacts.SLM_LOCAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ConfidentialityPackTest {
    private static final String PACK = "confidentiality";
    private static final DestinationFacts CLOUD_EU_CONFIDENTIAL =
            new DestinationFacts("cloud-eu", "cloud", "IE", "eu-provider", true, false, false, false, true, false, true, false);
    private static final DestinationFacts CLOUD_EU_REGULATED =
            new DestinationFacts("cloud-eu", "cloud", "IE", "eu-provider", true, false, false, false, true, false, false, true);

    @Test
    void acquisitionPlanStaysOnTheDevice() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().categories("confidential_business"));

        assertEquals(List.of("cloud-eu", "cloud-us"), verdict.forbidden());
        assertFalse(verdict.deny());
        assertEquals(List.of(new Reason("confidentiality.business-information", "drools", PACK,
                "Directive (EU) 2016/943 Art. 2(1)(c); Regulation (EU) No 596/2014 Art. 10(1)",
                "Confidential business information detected: on-device model, or a cloud the application approves for it")),
                verdict.reasons());
    }

    @Test
    void aCloudApprovedForConfidentialInformationStaysOpen() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().categories("confidential_business")
                .destinations(SLM_LOCAL, CLOUD_EU_CONFIDENTIAL, CLOUD_US));

        assertEquals(List.of("cloud-us"), verdict.forbidden());
    }

    @Test
    void approvalForConfidentialInformationIsNoApprovalForRegulatedData() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().categories("finance")
                .destinations(SLM_LOCAL, CLOUD_EU_CONFIDENTIAL));

        assertEquals(List.of("cloud-eu"), verdict.forbidden());
        assertEquals(Set.of("confidentiality.regulated-industry"), Set.copyOf(ruleIds(verdict)));
    }

    @Test
    void customersArrearsWithAnIbanStayOnTheDevice() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().entities("IBAN_CODE", "PERSON").categories("finance"));

        assertEquals(List.of("cloud-eu", "cloud-us"), verdict.forbidden());
        assertEquals(List.of("confidentiality.regulated-industry"), ruleIds(verdict));
    }

    @Test
    void anIbanOrCardNumberAloneIsFinanceData() throws Exception {
        assertEquals(List.of("cloud-eu", "cloud-us"), verdict(PACK, TestFacts.request().entities("IBAN_CODE")).forbidden());
        assertEquals(List.of("cloud-eu", "cloud-us"), verdict(PACK, TestFacts.request().entities("CREDIT_CARD")).forbidden());
    }

    @Test
    void healthDataAboutAPersonGoesOnlyToAnApprovedCloud() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().entities("PERSON").categories("health")
                .destinations(SLM_LOCAL, CLOUD_EU_REGULATED, CLOUD_US));

        assertEquals(List.of("cloud-us"), verdict.forbidden());
    }

    @Test
    void confidentialInformationRefusesADestinationOfUnexpectedKind() throws Exception {
        DestinationFacts edge = new DestinationFacts("edge-box", "edge", "DE", "x", true, false, false, false, true, true, false, false);

        assertEquals(List.of("edge-box"), verdict(PACK, TestFacts.request().categories("confidential_business")
                .destinations(SLM_LOCAL, edge)).forbidden());
    }

    @Test
    void topicsAndOrdinaryPersonalDataFireNothing() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().entities("PERSON", "EMAIL_ADDRESS")
                .destinations(SLM_LOCAL, CLOUD_EU, CLOUD_US));

        assertEquals(List.of(), verdict.forbidden());
        assertEquals(List.of(), verdict.reasons());
    }
}
