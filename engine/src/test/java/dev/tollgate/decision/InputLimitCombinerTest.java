package dev.tollgate.decision;

import dev.tollgate.facts.DataFacts;
import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.RequestFacts;
import dev.tollgate.facts.SubjectFacts;
import dev.tollgate.policy.Outcome;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.policy.RouteChoice;
import dev.tollgate.terms.Effect;
import dev.tollgate.terms.Strategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An input longer than an on-device model takes goes where it fits, or is refused naming the limit. */
class InputLimitCombinerTest {
    private static final DestinationFacts SLM = new DestinationFacts("slm-local", "slm", "DE", "p", true, false, false, false, true, false, false, false);
    private static final DestinationFacts EU = new DestinationFacts("cloud-eu", "cloud", "IE", "p", true, false, false, false, true, false, false, false);
    private static final Map<String, Integer> LIMITS = Map.of("slm-local", 1344);
    private static final PartialVerdict PREFERS_SLM = new PartialVerdict("drools", "routing", false, List.of(),
            List.of(), new RouteChoice("slm-local", Strategy.CASCADE, 0.8, "routing.local"),
            List.of(new Reason("routing.local", "drools", "routing", "b", "m")));
    private static final PartialVerdict LOCAL_ONLY = new PartialVerdict("drools", "gdpr", false, List.of("cloud-eu"),
            List.of(), null, List.of(new Reason("gdpr.art9.local-only", "drools", "gdpr", "b", "m")));

    private final Combiner combiner = new Combiner();

    private static Facts facts(int tokens) {
        return new Facts(new RequestFacts("app", "staff", "purpose", "none", "EU", "DE", "faq", tokens, "eng", 1, 0, false),
                new SubjectFacts("DE"), new DataFacts(false, List.of(), List.of(), List.of(), false, List.of()), List.of(SLM, EU));
    }

    @Test
    void anInputThatFitsKeepsItsOnDeviceRoute() {
        Outcome outcome = combiner.combine(facts(1344), List.of(PREFERS_SLM), List.of(), LIMITS);
        assertEquals("slm-local", outcome.route().destination());
        assertEquals(List.of("slm-local", "cloud-eu"), outcome.permittedDestinations());
        assertTrue(outcome.reasons().stream().noneMatch(r -> r.rule().equals(Combiner.CONTEXT_RULE)));
    }

    @Test
    void aLongerInputGoesToAPermittedCloudDestinationAndSaysWhy() {
        Outcome outcome = combiner.combine(facts(1345), List.of(PREFERS_SLM), List.of(), LIMITS);
        assertEquals(Effect.ALLOW, outcome.effect());
        assertEquals("cloud-eu", outcome.route().destination());
        assertEquals(Strategy.STATIC, outcome.route().strategy());
        assertEquals(List.of("cloud-eu"), outcome.permittedDestinations());
        Reason why = outcome.reasons().stream().filter(r -> r.rule().equals(Combiner.CONTEXT_RULE)).findFirst()
                .orElseThrow();
        assertTrue(why.message().contains("about 1345 tokens") && why.message().contains("slm-local takes up to 1344"),
                why.message());
        Reason overridden = outcome.reasons().stream().filter(r -> r.rule().equals(Combiner.OVERRIDE_RULE))
                .findFirst().orElseThrow();
        assertEquals("The routing pack chose slm-local with the cascade strategy (routing.local); the request goes to "
                + "cloud-eu with the static strategy instead, because the input is longer than slm-local takes",
                overridden.message());
        assertEquals(Combiner.OVERRIDE_RULE, outcome.route().routedBy());
    }

    @Test
    void aLongerInputThatMayOnlyStayOnDeviceIsDeniedNamingTheLimit() {
        Outcome outcome = combiner.combine(facts(5000), List.of(PREFERS_SLM, LOCAL_ONLY), List.of(), LIMITS);
        assertEquals(Effect.DENY, outcome.effect());
        Reason why = outcome.reasons().stream().filter(r -> r.rule().equals(Combiner.CONTEXT_RULE)).findFirst()
                .orElseThrow();
        assertTrue(why.message().contains("slm-local takes up to 1344"), why.message());
        assertEquals(outcome, combiner.combine(facts(5000), List.of(LOCAL_ONLY, PREFERS_SLM), List.of(), LIMITS),
                "the same facts and verdicts give the same outcome");
    }

    @Test
    void withoutLimitsNothingChanges() {
        assertEquals(combiner.combine(facts(5000), List.of(PREFERS_SLM), List.of()),
                combiner.combine(facts(5000), List.of(PREFERS_SLM), List.of(), Map.of()));
        assertEquals("slm-local", combiner.combine(facts(5000), List.of(PREFERS_SLM), List.of()).route().destination());
    }
}
