package dev.tollgate.policy.drools;

import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.terms.ObligationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.tollgate.policy.drools.ShippedPolicies.ruleIds;
import static dev.tollgate.policy.drools.ShippedPolicies.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AiActPackTest {
    private static final String PACK = "eu-ai-act";

    @ParameterizedTest
    @ValueSource(strings = {"social_scoring", "emotion_recognition_workplace", "untargeted_facial_scraping"})
    void prohibitedUseCaseIsDenied(String useCase) throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().useCase(useCase));

        assertTrue(verdict.deny());
        assertEquals(List.of("ai-act.art5.prohibited-use-case"), ruleIds(verdict));
        assertEquals("EU AI Act Art. 5(1)", verdict.reasons().getFirst().basis());
        assertEquals(List.of(), verdict.obligations(), "a denied interaction is not disclosed");
    }

    @Test
    void prohibitedTaskIsDeniedForAnyApplication() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().useCase("none").task("social_scoring", 40));

        assertTrue(verdict.deny());
        assertEquals(List.of("ai-act.art5.prohibited-task"), ruleIds(verdict));
    }

    @Test
    void highRiskUseCaseGetsOversightRecordKeepingAndApprovedDestinationsOnly() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().useCase("credit_scoring").task("reasoning", 300));

        assertFalse(verdict.deny());
        assertEquals(List.of(Obligation.of(ObligationType.DISCLOSE_AI_INTERACTION), Obligation.of(ObligationType.HUMAN_OVERSIGHT),
                Obligation.of(ObligationType.RECORD_KEEPING)), verdict.obligations());
        assertEquals(List.of("cloud-eu", "cloud-us"), verdict.forbidden());
        assertEquals(List.of("ai-act.annex3.approved-destinations", "ai-act.annex3.human-oversight",
                "ai-act.annex3.record-keeping", "ai-act.art50.disclosure"), ruleIds(verdict).stream().sorted().toList());
        Reason oversight = verdict.reasons().stream()
                .filter(reason -> reason.rule().equals("ai-act.annex3.human-oversight")).findFirst().orElseThrow();
        assertEquals("EU AI Act Art. 14", oversight.basis());
    }

    @Test
    void ordinaryUseIsOnlyDisclosed() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().useCase("none").task("faq", 20));

        assertFalse(verdict.deny());
        assertEquals(List.of(), verdict.forbidden());
        assertEquals(List.of(Obligation.of(ObligationType.DISCLOSE_AI_INTERACTION)), verdict.obligations());
        assertEquals(List.of(new Reason("ai-act.art50.disclosure", "drools", "eu-ai-act", "EU AI Act Art. 50(1)",
                "The person is told that they are interacting with an AI system")), verdict.reasons());
    }
}
