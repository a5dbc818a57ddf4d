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
import static org.junit.jupiter.api.Assertions.assertTrue;

class CombinerTest {
    private static final DestinationFacts SLM = new DestinationFacts("slm-local", "slm", "DE", "p", true, false, false, false, true, false, false, false);
    private static final DestinationFacts EU = new DestinationFacts("cloud-eu", "cloud", "IE", "p", true, false, false, false, true, false, false, false);
    private static final DestinationFacts US = new DestinationFacts("cloud-us", "cloud", "US", "p", true, false, false, false, false, false, false, false);
    private static final Facts FACTS = new Facts(
            new RequestFacts("app", "staff", "purpose", "none", "EU", "DE", "faq", 10, "eng", 1, 0, false),
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
                verdict("a", false, List.of(), List.of(Obligation.of(ObligationType.DISCLOSE_AI_INTERACTION)), new RouteChoice("cloud-eu", Strategy.STATIC, null, "routing.row")),
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
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", Strategy.STATIC, null, "routing.row"))), List.of());
        // cloud-us is not permitted by the registry, cloud-eu is forbidden: only the SLM is left.
        assertEquals(List.of("slm-local"), outcome.permittedDestinations());
        assertOverridden(outcome, "slm-local", DestinationKind.SLM,
                "The routing pack chose cloud-eu with the static strategy (routing.row); the request goes to "
                + "slm-local with the static strategy instead, because cloud-eu is not permitted for this request");
    }

    @Test
    void aRouteAsTheRoutingPackChoseItNamesItsRuleAndNoOverride() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", Strategy.STATIC, null, "routing.row"))),
                List.of());
        assertEquals(new Route("cloud-eu", DestinationKind.CLOUD, Strategy.STATIC, null, "routing.row"), outcome.route());
        assertTrue(outcome.reasons().stream().noneMatch(r -> r.rule().equals(Combiner.OVERRIDE_RULE)));
    }

    @Test
    void aFallbackToAnotherCloudDestinationSaysWhichWasChosenAndWhy() {
        DestinationFacts usPermitted = new DestinationFacts("cloud-us", "cloud", "US", "p", true, false, false, false, true, false, false, false);
        Facts facts = new Facts(FACTS.request(), FACTS.subject(), FACTS.data(), List.of(SLM, EU, usPermitted));
        Outcome outcome = combiner.combine(facts, List.of(
                verdict("residency", false, List.of("cloud-eu"), List.of(), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", Strategy.CASCADE, 0.5, "routing.row"))),
                List.of());
        assertOverridden(outcome, "cloud-us", DestinationKind.CLOUD,
                "The routing pack chose cloud-eu with the cascade strategy (routing.row); the request goes to "
                + "cloud-us with the static strategy instead, because cloud-eu is not permitted for this request");
        assertEquals(Combiner.ENGINE, override(outcome).engine());
        assertEquals(Combiner.PACK, override(outcome).pack());
    }

    @Test
    void withoutARoutingPreferenceTheFirstPermittedDestinationIsTakenWithoutAnOverride() {
        Outcome outcome = combiner.combine(FACTS, List.of(verdict("a", false, List.of(), List.of(), null)), List.of());
        assertEquals(new Route("slm-local", DestinationKind.SLM, Strategy.STATIC, null, null), outcome.route());
        assertTrue(outcome.reasons().stream().noneMatch(r -> r.rule().equals(Combiner.OVERRIDE_RULE)));
    }

    /** The route is a static one to the destination, chosen by the override, whose one reason says the message. */
    private static void assertOverridden(Outcome outcome, String destination, DestinationKind kind, String message) {
        assertEquals(new Route(destination, kind, Strategy.STATIC, null, Combiner.OVERRIDE_RULE), outcome.route());
        assertEquals(message, override(outcome).message());
    }

    private static Reason override(Outcome outcome) {
        List<Reason> overrides = outcome.reasons().stream().filter(r -> r.rule().equals(Combiner.OVERRIDE_RULE)).toList();
        assertEquals(1, overrides.size(), "exactly one override reason");
        return overrides.getFirst();
    }

    @Test
    void obligationsAreTheUnionOfThoseThatApplyToTheChosenRoute() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("a", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD),
                        new Obligation(ObligationType.MASK, List.of("IBAN_CODE"), null)), null),
                verdict("b", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS"), DestinationKind.CLOUD),
                        Obligation.of(ObligationType.DISCLOSE_AI_INTERACTION)), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", Strategy.STATIC, null, "routing.row"))), List.of());
        assertEquals(List.of(new Obligation(ObligationType.DISCLOSE_AI_INTERACTION, List.of(), null),
                new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "IBAN_CODE", "PERSON"), null)), outcome.obligations());

        Outcome onDevice = combiner.combine(FACTS, List.of(
                verdict("a", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD)), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", Strategy.STATIC, null, "routing.row"))), List.of());
        assertEquals(List.of(), onDevice.obligations());
    }

    @Test
    void cascadeKeepsItsConfidenceThresholdButBecomesStaticWithoutAPermittedCloud() {
        PartialVerdict cascade = verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", Strategy.CASCADE, 0.55, "routing.row"));
        Outcome withCloud = combiner.combine(FACTS, List.of(cascade), List.of());
        assertEquals(new Route("slm-local", DestinationKind.SLM, Strategy.CASCADE, 0.55, "routing.row"), withCloud.route());

        Outcome withoutCloud = combiner.combine(FACTS, List.of(
                verdict("gdpr", false, List.of("cloud-eu"), List.of(), null), cascade), List.of());
        assertOverridden(withoutCloud, "slm-local", DestinationKind.SLM,
                "The routing pack chose slm-local with the cascade strategy (routing.row); the request goes to "
                + "slm-local with the static strategy instead, because no cloud destination is permitted to escalate to");
    }

    @Test
    void aDraftVerifyWithoutAPermittedCloudIsDowngradedToStaticSayingSo() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("gdpr", false, List.of("cloud-eu"), List.of(), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", Strategy.DRAFT_VERIFY, null, "routing.row"))),
                List.of());
        assertEquals(new Route("slm-local", DestinationKind.SLM, Strategy.STATIC, null, Combiner.OVERRIDE_RULE),
                outcome.route());
        assertTrue(override(outcome).message().startsWith("The routing pack chose slm-local with the draft_verify strategy"),
                override(outcome).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cascade", "draft_verify"})
    void aRouteThatMayGoOnToTheCloudKeepsTheCloudObligationsForThatLeg(String strategy) {
        List<PartialVerdict> verdicts = List.of(
                verdict("gdpr", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("IBAN_CODE"), null),
                        new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD)), null),
                verdict("other", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "PERSON"), DestinationKind.CLOUD),
                        new Obligation(ObligationType.MASK, List.of("PHONE_NUMBER"), DestinationKind.SLM), Obligation.of(ObligationType.DISCLOSE_AI_INTERACTION)), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", Strategy.of(strategy), null, "routing.row")));

        assertEquals(List.of(new Obligation(ObligationType.DISCLOSE_AI_INTERACTION, List.of(), null),
                new Obligation(ObligationType.MASK, List.of("IBAN_CODE", "PHONE_NUMBER"), null),
                new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "PERSON"), DestinationKind.CLOUD)),
                combiner.combine(FACTS, verdicts, List.of()).obligations());
    }

    @Test
    void aCascadeWithoutAPermittedCloudDropsTheCloudObligationsLikeAStaticRoute() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("gdpr", false, List.of("cloud-eu"), List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD)), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", Strategy.CASCADE, 0.55, "routing.row"))), List.of());
        assertEquals(Strategy.STATIC, outcome.route().strategy());
        assertEquals(List.of(), outcome.obligations());
    }

    @Test
    void aCascadeFromACloudDestinationAppliesCloudObligationsToTheWholeRoute() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("gdpr", false, List.of(), List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD),
                        new Obligation(ObligationType.MASK, List.of("PHONE_NUMBER"), DestinationKind.SLM)), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", Strategy.CASCADE, 0.5, "routing.row"))), List.of());
        assertEquals(List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), null)), outcome.obligations());
    }

    @Test
    void thresholdAndCloudLegAppearInJsonOnlyWhenSet() throws Exception {
        assertEquals("""
                {"destination":"slm-local","escalate_below":0.55,"kind":"slm","routed_by":"routing.summarize","strategy":"cascade"}""",
                Json.MAPPER.writeValueAsString(new Route("slm-local", DestinationKind.SLM, Strategy.CASCADE, 0.55, "routing.summarize")));
        assertEquals("""
                {"destination":"cloud-eu","kind":"cloud","strategy":"static"}""",
                Json.MAPPER.writeValueAsString(new Route("cloud-eu", DestinationKind.CLOUD, Strategy.STATIC, null, null)));
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
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", Strategy.DRAFT_VERIFY, null, "routing.row"))));
        Outcome first = combiner.combine(FACTS, verdicts, List.of());
        Collections.reverse(verdicts);
        assertEquals(first, combiner.combine(FACTS, verdicts, List.of()));
    }
}
