package dev.tollgate.decision;

import dev.tollgate.Json;
import dev.tollgate.facts.DataFacts;
import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.RequestFacts;
import dev.tollgate.facts.SubjectFacts;
import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.policy.RouteChoice;
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
                verdict("a", false, List.of(), List.of(Obligation.of("disclose_ai_interaction")), new RouteChoice("cloud-eu", "static")),
                verdict("b", true, List.of(), List.of(), null)), List.of());
        assertEquals(Outcome.DENY, outcome.effect());
        assertNull(outcome.route());
        assertEquals(List.of(), outcome.obligations());
        assertEquals(2, outcome.reasons().size());
    }

    @Test
    void permittedIsRegistryMinusEveryForbiddenAndRoutingFallsBackToTheSameKind() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("a", false, List.of("cloud-eu"), List.of(), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", "static"))), List.of());
        // cloud-us is not permitted by the registry, cloud-eu is forbidden: only the SLM is left.
        assertEquals(List.of("slm-local"), outcome.permittedDestinations());
        assertEquals(new Route("slm-local", "slm", "static", null), outcome.route());
    }

    @Test
    void obligationsAreTheUnionOfThoseThatApplyToTheChosenRoute() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("a", false, List.of(), List.of(new Obligation("mask", List.of("PERSON"), "cloud"),
                        new Obligation("mask", List.of("IBAN_CODE"), null)), null),
                verdict("b", false, List.of(), List.of(new Obligation("mask", List.of("EMAIL_ADDRESS"), "cloud"),
                        Obligation.of("disclose_ai_interaction")), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", "static"))), List.of());
        assertEquals(List.of(new Obligation("disclose_ai_interaction", List.of(), null),
                new Obligation("mask", List.of("EMAIL_ADDRESS", "IBAN_CODE", "PERSON"), null)), outcome.obligations());

        Outcome onDevice = combiner.combine(FACTS, List.of(
                verdict("a", false, List.of(), List.of(new Obligation("mask", List.of("PERSON"), "cloud")), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", "static"))), List.of());
        assertEquals(List.of(), onDevice.obligations());
    }

    @Test
    void cascadeKeepsItsConfidenceThresholdButBecomesStaticWithoutAPermittedCloud() {
        PartialVerdict cascade = verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", "cascade", 0.55));
        Outcome withCloud = combiner.combine(FACTS, List.of(cascade), List.of());
        assertEquals(new Route("slm-local", "slm", "cascade", 0.55), withCloud.route());

        Outcome withoutCloud = combiner.combine(FACTS, List.of(
                verdict("gdpr", false, List.of("cloud-eu"), List.of(), null), cascade), List.of());
        assertEquals(new Route("slm-local", "slm", "static", null), withoutCloud.route());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cascade", "draft_verify"})
    void aRouteThatMayGoOnToTheCloudKeepsTheCloudObligationsForThatLeg(String strategy) {
        List<PartialVerdict> verdicts = List.of(
                verdict("gdpr", false, List.of(), List.of(new Obligation("mask", List.of("IBAN_CODE"), null),
                        new Obligation("mask", List.of("PERSON"), "cloud")), null),
                verdict("other", false, List.of(), List.of(new Obligation("mask", List.of("EMAIL_ADDRESS", "PERSON"), "cloud"),
                        new Obligation("mask", List.of("PHONE_NUMBER"), "slm"), Obligation.of("disclose_ai_interaction")), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", strategy)));

        assertEquals(List.of(new Obligation("disclose_ai_interaction", List.of(), null),
                new Obligation("mask", List.of("IBAN_CODE", "PHONE_NUMBER"), null),
                new Obligation("mask", List.of("EMAIL_ADDRESS", "PERSON"), "cloud")),
                combiner.combine(FACTS, verdicts, List.of()).obligations());
    }

    @Test
    void aCascadeWithoutAPermittedCloudDropsTheCloudObligationsLikeAStaticRoute() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("gdpr", false, List.of("cloud-eu"), List.of(new Obligation("mask", List.of("PERSON"), "cloud")), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("slm-local", "cascade", 0.55))), List.of());
        assertEquals("static", outcome.route().strategy());
        assertEquals(List.of(), outcome.obligations());
    }

    @Test
    void aCascadeFromACloudDestinationAppliesCloudObligationsToTheWholeRoute() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("gdpr", false, List.of(), List.of(new Obligation("mask", List.of("PERSON"), "cloud"),
                        new Obligation("mask", List.of("PHONE_NUMBER"), "slm")), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", "cascade", 0.5))), List.of());
        assertEquals(List.of(new Obligation("mask", List.of("PERSON"), null)), outcome.obligations());
    }

    @Test
    void thresholdAndCloudLegAppearInJsonOnlyWhenSet() throws Exception {
        assertEquals("""
                {"destination":"slm-local","escalate_below":0.55,"kind":"slm","strategy":"cascade"}""",
                Json.MAPPER.writeValueAsString(new Route("slm-local", "slm", "cascade", 0.55)));
        assertEquals("""
                {"destination":"cloud-eu","kind":"cloud","strategy":"static"}""",
                Json.MAPPER.writeValueAsString(new Route("cloud-eu", "cloud", "static", null)));
        assertEquals("""
                [{"applies_to":"cloud","entities":["PERSON"],"type":"mask"},{"type":"disclose_ai_interaction"}]""",
                Json.MAPPER.writeValueAsString(List.of(new Obligation("mask", List.of("PERSON"), "cloud"),
                        Obligation.of("disclose_ai_interaction"))));
    }

    @Test
    void noPermittedDestinationFailsClosed() {
        Outcome outcome = combiner.combine(FACTS, List.of(
                verdict("a", false, List.of("slm-local", "cloud-eu"), List.of(), null)), List.of());
        assertEquals(Outcome.DENY, outcome.effect());
        assertEquals(1, outcome.reasons().stream().filter(r -> r.rule().equals("tollgate.no-permitted-destination")).count());
    }

    @Test
    void anFailClosedDenies() {
        Outcome outcome = combiner.combine(FACTS, List.of(verdict("a", false, List.of(), List.of(), null)),
                List.of(FailClosed.engine("drools", new IllegalStateException("boom"))));
        assertEquals(Outcome.DENY, outcome.effect());
        assertEquals(FailClosed.RULE, outcome.reasons().stream().filter(r -> r.pack().equals(Combiner.PACK))
                .findFirst().orElseThrow().rule());
    }

    @Test
    void theOrderOfVerdictsDoesNotChangeTheOutcome() {
        List<PartialVerdict> verdicts = new ArrayList<>(List.of(
                verdict("a", false, List.of("cloud-us"), List.of(new Obligation("mask", List.of("PERSON"), null)), null),
                verdict("b", false, List.of(), List.of(Obligation.of("record_keeping")), null),
                verdict("routing", false, List.of(), List.of(), new RouteChoice("cloud-eu", "draft_verify"))));
        Outcome first = combiner.combine(FACTS, verdicts, List.of());
        Collections.reverse(verdicts);
        assertEquals(first, combiner.combine(FACTS, verdicts, List.of()));
    }
}
