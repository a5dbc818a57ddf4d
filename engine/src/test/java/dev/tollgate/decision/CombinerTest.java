package dev.tollgate.decision;

import dev.tollgate.Json;
import dev.tollgate.facts.DataFacts;
import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.RequestFacts;
import dev.tollgate.facts.SubjectFacts;
import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.Outcome;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.policy.RouteChoice;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.Effect;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.terms.Route;
import dev.tollgate.terms.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CombinerTest {
    private static final DestinationFacts SLM = new DestinationFacts("slm-local", "slm", "DE", "p", true, false, false, false, true, false, false, false);
    private static final DestinationFacts EU = new DestinationFacts("cloud-eu", "cloud", "IE", "p", true, false, false, false, true, false, false, false);
    private static final DestinationFacts US = new DestinationFacts("cloud-us", "cloud", "US", "p", true, false, false, false, false, false, false, false);
    private static final Facts FACTS = new Facts(
            new RequestFacts("app", "staff", "purpose", "none", "EU", "DE", "faq", 10, "eng", 1, 0),
            new SubjectFacts("DE"), new DataFacts(false, List.of(), List.of(), List.of(), false, List.of()),
            List.of(SLM, EU, US));

    private final Combiner combiner = new Combiner();

    private static Reason reason(String pack, String rule) {
        return new Reason(rule, "drools", pack, "basis", "message");
    }

    private static PartialVerdict verdict(String pack, boolean deny, List<String> forbidden, List<Obligation> obligations,
                                          RouteChoice route) {
        return new PartialVerdict("drools", pack, deny, forbidden, obligations, route,
                List.of(reason(pack, pack + ".rule")));
    }

    @Test
    void denyOverridesEverything() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("a", false, List.of(), List.of(Obligation.of(ObligationType.DISCLOSE_AI_INTERACTION)), new RouteChoice("cloud-eu", Strategy.STATIC)),
                verdict("b", true, List.of(), List.of(), null)), List.of());
        assertEquals(Effect.DENY, outcome.effect());
        assertNull(outcome.route());
        assertEquals(List.of(), outcome.obligations());
        assertEquals(2, outcome.reasons().size());
    }

    @Test
    void permittedIsRegistryMinusEveryForbiddenAndRoutingFallsBackToTheSameKind() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("a", false, List.of("cloud-eu"), List.of(), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", Strategy.STATIC))), List.of());
        // cloud-us is not permitted by the registry, cloud-eu is forbidden: only the SLM is left.
        assertEquals(List.of("slm-local"), outcome.permittedDestinations());
        assertEquals(new Route("slm-local", DestinationKind.SLM, Strategy.STATIC, null), outcome.route());
    }

    @Test
    void obligationsAreTheUnionOfThoseThatApplyToTheChosenRoute() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("a", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD),
                        new Obligation(ObligationType.MASK, List.of("IBAN_CODE"), null)), null),
                verdict("b", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS"), DestinationKind.CLOUD),
                        Obligation.of(ObligationType.DISCLOSE_AI_INTERACTION)), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", Strategy.STATIC))), List.of());
        assertEquals(List.of(new Obligation(ObligationType.DISCLOSE_AI_INTERACTION, List.of(), null),
                new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "IBAN_CODE", "PERSON"), null)), outcome.obligations());

        Outcome onDevice = combiner.combine(FACTS, List.of(
                verdict("a", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD)), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", Strategy.STATIC))), List.of());
        assertEquals(List.of(), onDevice.obligations());
    }

    @Test
    void cascadeKeepsItsConfidenceThresholdButBecomesStaticWithoutAPermittedCloud() {
        PartialVerdict cascade = verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", Strategy.CASCADE, 0.55));
        Outcome withCloud = combiner.combine(FACTS, List.of(cascade), List.of());
        assertEquals(new Route("slm-local", DestinationKind.SLM, Strategy.CASCADE, 0.55), withCloud.route());

        Outcome withoutCloud = combiner.combine(FACTS, List.of(
                verdict("gdpr", false, List.of("cloud-eu"), List.of(), null), cascade), List.of());
        assertEquals(new Route("slm-local", DestinationKind.SLM, Strategy.STATIC, null), withoutCloud.route());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cascade", "draft_verify"})
    void aRouteThatMayGoOnToTheCloudKeepsTheCloudObligationsForThatLeg(String strategy) {
        List<PartialVerdict> verdicts = List.of(
                verdict("gdpr", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("IBAN_CODE"), null),
                        new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD)), null),
                verdict("other", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "PERSON"), DestinationKind.CLOUD),
                        new Obligation(ObligationType.MASK, List.of("PHONE_NUMBER"), DestinationKind.SLM), Obligation.of(ObligationType.DISCLOSE_AI_INTERACTION)), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", Strategy.of(strategy))));

        assertEquals(List.of(new Obligation(ObligationType.DISCLOSE_AI_INTERACTION, List.of(), null),
                new Obligation(ObligationType.MASK, List.of("IBAN_CODE", "PHONE_NUMBER"), null),
                new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "PERSON"), DestinationKind.CLOUD)),
                combiner.combine(FACTS, verdicts, List.of()).obligations());
    }

    @Test
    void aCascadeWithoutAPermittedCloudDropsTheCloudObligationsLikeAStaticRoute() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("gdpr", false, List.of("cloud-eu"), List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD)), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", Strategy.CASCADE, 0.55))), List.of());
        assertEquals(Strategy.STATIC, outcome.route().strategy());
        assertEquals(List.of(), outcome.obligations());
    }

    @Test
    void aCascadeFromACloudDestinationAppliesCloudObligationsToTheWholeRoute() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("gdpr", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD),
                        new Obligation(ObligationType.MASK, List.of("PHONE_NUMBER"), DestinationKind.SLM)), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", Strategy.CASCADE, 0.5))), List.of());
        assertEquals(List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), null)), outcome.obligations());
    }

    @Test
    void thresholdAndCloudLegAppearInJsonOnlyWhenSet() throws Exception {
        assertEquals("""
                {"destination":"slm-local","escalate_below":0.55,"kind":"slm","strategy":"cascade"}""",
                Json.MAPPER.writeValueAsString(new Route("slm-local", DestinationKind.SLM, Strategy.CASCADE, 0.55)));
        assertEquals("""
                {"destination":"cloud-eu","kind":"cloud","strategy":"static"}""",
                Json.MAPPER.writeValueAsString(new Route("cloud-eu", DestinationKind.CLOUD, Strategy.STATIC, null)));
        assertEquals("""
                [{"applies_to":"cloud","entities":["PERSON"],"type":"mask"},{"type":"disclose_ai_interaction"}]""",
                Json.MAPPER.writeValueAsString(List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD),
                        Obligation.of(ObligationType.DISCLOSE_AI_INTERACTION))));
    }

    @Test
    void noPermittedDestinationFailsClosed() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("a", false, List.of("slm-local", "cloud-eu"), List.of(), null)), List.of());
        assertEquals(Effect.DENY, outcome.effect());
        assertEquals(1, outcome.reasons().stream().filter(r -> r.rule().equals("tollgate.no-permitted-destination")).count());
    }

    @Test
    void anFailClosedDenies() {
        Outcome outcome = combiner.combine(FACTS, List.of(verdict("a", false, List.of(), List.of(), null)),
                List.of(FailClosed.engine("drools", new IllegalStateException("boom"))));
        assertEquals(Effect.DENY, outcome.effect());
        assertEquals(FailClosed.RULE, outcome.reasons().stream().filter(r -> r.pack().equals(Combiner.PACK))
                .findFirst().orElseThrow().rule());
    }

    @Test
    void theOrderOfVerdictsDoesNotChangeTheOutcome() {
        List<PartialVerdict> verdicts = new ArrayList<>(List.of(
                verdict("a", false, List.of("cloud-us"), List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), null)), null),
                verdict("b", false, List.of(), List.of(Obligation.of(ObligationType.RECORD_KEEPING)), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", Strategy.DRAFT_VERIFY))));
        Outcome first = combiner.combine(FACTS, verdicts, List.of());
        Collections.reverse(verdicts);
        assertEquals(first, combiner.combine(FACTS, verdicts, List.of()));
    }
}
