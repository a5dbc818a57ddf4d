package dev.tollgate.policy.drools;

import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.policy.RouteChoice;
import dev.tollgate.terms.ConsistencyCheck;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.terms.Strategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static dev.tollgate.policy.drools.TestFacts.SLM_LOCAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictCollectorTest {
    private static final DestinationFacts Z_CLOUD = new DestinationFacts("z-cloud", "cloud", "IE", "z", true, false, false, false, true, false, false, false);
    private static final DestinationFacts A_CLOUD = new DestinationFacts("a-cloud", "cloud", "IE", "a", true, false, false, false, true, false, false, false);

    @TempDir
    Path dir;

    private PartialVerdict verdict;

    @BeforeEach
    void evaluatePackCallingEveryMethod() throws Exception {
        PolicyDir.write(dir, "t/t.drl", PolicyDir.HEADER + """
                import java.util.List;

                rule "t.forbid-every-cloud" @basis("B forbid") @message("M forbid") salience 90
                when $cloud : DestinationFacts( kind == "cloud" )
                then verdict.forbid(kcontext, $cloud.id()); end

                rule "t.forbid-again" @basis("B again") @message("M again") salience 80
                when then verdict.forbid(kcontext, "a-cloud"); end

                rule "t.mask-contact" @basis("B contact") @message("M contact") salience 70
                when then verdict.mask(kcontext, List.of("PERSON", "EMAIL_ADDRESS"), "cloud"); end

                rule "t.mask-bank" @basis("B bank") @message("M bank") salience 60
                when then
                    verdict.mask(kcontext, List.of("IBAN_CODE", "PERSON"), "cloud");
                    verdict.mask(kcontext, List.of("IBAN_CODE"), null);
                end

                rule "t.oblige" @basis("B oblige") @message("M oblige") salience 50
                when then
                    verdict.oblige(kcontext, "human_oversight");
                    verdict.oblige(kcontext, "disclose_ai_interaction");
                end

                rule "t.route-first" @basis("B first") @message("M first") salience 40
                when then
                    verdict.route(kcontext, "slm-local", "cascade");
                    verdict.escalateBelow(kcontext, 0.6);
                    verdict.consistency(kcontext, 3, 0.4);
                end

                rule "t.route-second" @basis("B second") @message("M second") salience 30
                when then
                    verdict.route(kcontext, "cloud-eu", "cascade");
                    verdict.escalateBelow(kcontext, 0.9);
                    verdict.consistency(kcontext, 5, 0.9);
                end

                rule "t.cite" @basis("B cite") @message("M cite") salience 20
                when then verdict.cite(kcontext); end

                rule "t.deny" @basis("B deny") @message("M deny") salience 10
                when then verdict.deny(kcontext); end
                """);
        verdict = new DroolsPolicyCompiler().compile(dir)
                .evaluate(TestFacts.request().destinations(Z_CLOUD, SLM_LOCAL, A_CLOUD).build()).getFirst();
    }

    @Test
    void forbiddenDestinationsAreSortedAndDistinct() {
        assertEquals(List.of("a-cloud", "z-cloud"), verdict.forbidden());
    }

    @Test
    void obligationsAreMergedByTypeAndRouteAndSorted() {
        assertEquals(List.of(
                Obligation.of(ObligationType.DISCLOSE_AI_INTERACTION),
                Obligation.of(ObligationType.HUMAN_OVERSIGHT),
                new Obligation(ObligationType.MASK, List.of("IBAN_CODE"), null),
                new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS", "IBAN_CODE", "PERSON"), DestinationKind.CLOUD)),
                verdict.obligations());
    }

    @Test
    void firstRouteWinsWithItsOwnConfidenceThresholdAndConsistencyCheck() {
        assertEquals(new RouteChoice("slm-local", Strategy.CASCADE, 0.6, "t.route-first", new ConsistencyCheck(3, 0.4)),
                verdict.route());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "verdict.consistency(kcontext, 3, 0.4);",
            "verdict.route(kcontext, \"slm-local\", \"static\"); verdict.consistency(kcontext, 3, 0.4);",
            "verdict.route(kcontext, \"slm-local\", \"cascade\"); verdict.consistency(kcontext, 1, 0.4);",
            "verdict.route(kcontext, \"slm-local\", \"cascade\"); verdict.consistency(kcontext, 3, 1.5);",
    })
    void aConsistencyCheckWithoutACascadeRouteOrOutOfRangeFailsTheEvaluation(String consequence) throws Exception {
        String failure = evaluationFailure(consequence);
        assertTrue(failure.matches(".*(consistency check|agreement threshold).*"), failure);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "verdict.escalateBelow(kcontext, 0.5);",
            "verdict.route(kcontext, \"slm-local\", \"static\"); verdict.escalateBelow(kcontext, 0.5);",
            "verdict.route(kcontext, \"slm-local\", \"cascade\"); verdict.escalateBelow(kcontext, 1.5);",
    })
    void aThresholdWithoutACascadeRouteOrOutsideZeroToOneFailsTheEvaluation(String consequence) throws Exception {
        String failure = evaluationFailure(consequence);
        assertTrue(failure.contains("confidence threshold"), failure);
    }

    /** The root cause's message when a rule with this consequence is evaluated. */
    private String evaluationFailure(String consequence) throws Exception {
        PolicyDir.write(dir.resolve("broken"), "t/t.drl", PolicyDir.HEADER + """
                rule "t.broken" @basis("B") @message("M")
                when then %s end
                """.formatted(consequence));

        CompiledPolicy policy = new DroolsPolicyCompiler().compile(dir.resolve("broken"));
        Throwable failure = assertThrows(RuntimeException.class, () -> policy.evaluate(TestFacts.request().build()));
        while (failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure.getMessage();
    }

    @Test
    void everyRuleThatFiredIsOneReasonInFiringOrder() {
        assertEquals(List.of("t.forbid-every-cloud", "t.forbid-again", "t.mask-contact", "t.mask-bank", "t.oblige",
                "t.route-first", "t.route-second", "t.cite", "t.deny"), ShippedPolicies.ruleIds(verdict));
        assertEquals(new Reason("t.forbid-every-cloud", "drools", "t", "B forbid", "M forbid"), verdict.reasons().getFirst());
    }

    @Test
    void denyIsRecorded() {
        assertTrue(verdict.deny());
        assertEquals("t", verdict.pack());
        assertEquals("drools", verdict.engine());
    }
}
