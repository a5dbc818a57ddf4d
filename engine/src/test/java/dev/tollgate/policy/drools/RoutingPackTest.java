package dev.tollgate.policy.drools;

import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.RouteChoice;
import dev.tollgate.terms.ConsistencyCheck;
import dev.tollgate.terms.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.tollgate.policy.drools.ShippedPolicies.ruleIds;
import static dev.tollgate.policy.drools.ShippedPolicies.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingPackTest {
    private static final String PACK = "routing";

    @ParameterizedTest(name = "{0}, {1}, {2} tokens, latency {3} ms -> {4}")
    @CsvSource({
            "public,  reasoning,  5000, 0,   routing.public-on-device,         slm-local, static,",
            "public,  faq,        300,  0,   routing.public-on-device,         slm-local, static,",
            "staff,   faq,        256,  0,   routing.faq-short,                slm-local, static,",
            "public,  translate,  40,   0,   routing.public-on-device,         slm-local, static,",
            "staff,   classify,   1024, 0,   routing.classify-extract,         slm-local, static,",
            "staff,   extract,    10,   0,   routing.classify-extract,         slm-local, static,",
            "staff,   reasoning,  100,  300, routing.tight-latency,            slm-local, static,",
            "staff,   faq,        500,  300, routing.tight-latency,            slm-local, static,",
            "staff,   summarize,  512,  0,   routing.summarize,                slm-local, cascade,      0.55",
            "staff,   translate,  40,   800, routing.translate,                slm-local, cascade,      0.65",
            "staff,   faq,        257,  0,   routing.faq-long,                 cloud-eu,  static,",
            "staff,   faq,        5000, 0,   routing.faq-long,                 cloud-eu,  static,",
            "staff,   summarize,  513,  0,   routing.summarize-translate-long, cloud-eu,  static,",
            "staff,   translate,  700,  301, routing.summarize-translate-long, cloud-eu,  static,",
            "staff,   extract,    1025, 0,   routing.classify-extract-long,    cloud-eu,  static,",
            "staff,   classify,   3000, 0,   routing.classify-extract-long,    cloud-eu,  static,",
            "staff,   reasoning,  100,  0,   routing.complex-task,             cloud-eu,  static,",
            "staff,   code,       100,  301, routing.complex-task,             cloud-eu,  static,",
            "staff,   multi_step, 100,  0,   routing.complex-task,             cloud-eu,  static,",
            "staff,   plan,       100,  0,   routing.complex-task,             cloud-eu,  static,",
            "staff,   chat,       2049, 0,   routing.long-input,               cloud-eu,  static,",
            "staff,   draft,      2049, 0,   routing.long-input,               cloud-eu,  static,",
            "staff,   draft,      2048, 0,   routing.draft-write,              slm-local, draft_verify,",
            "staff,   write,      100,  0,   routing.draft-write,              slm-local, draft_verify,",
            "staff,   chat,       2048, 0,   routing.fallback,                 slm-local, static,",
            "staff,   haiku,      10,   0,   routing.fallback,                 slm-local, static,",
    })
    void firstMatchingRowRoutes(String role, String task, int tokens, int latencyMs, String rule, String destination,
                                String strategy, Double escalateBelow) throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().role(role).task(task, tokens).latencyBudget(latencyMs));

        ConsistencyCheck consistency = rule.equals("routing.translate") ? new ConsistencyCheck(3, 0.4) : null;
        assertEquals(new RouteChoice(destination, Strategy.of(strategy), escalateBelow, rule, consistency),
                verdict.route());
        assertEquals(List.of(rule), ruleIds(verdict), "exactly one row fires");
    }

    @ParameterizedTest(name = "budget spent: {0}, {1} tokens -> {2}")
    @CsvSource({
            "reasoning, 100,  routing.budget-exhausted",
            "faq,       300,  routing.budget-exhausted",
            "summarize, 100,  routing.budget-exhausted",
            "draft,     100,  routing.budget-exhausted",
            "faq,       10,   routing.faq-short",
    })
    void aSpentBudgetKeepsEveryRouteThatWouldUseACloudOnDevice(String task, int tokens, String rule) throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().task(task, tokens).budgetExhausted());

        assertEquals(new RouteChoice("slm-local", Strategy.STATIC, null, rule), verdict.route());
        assertEquals(List.of(rule), ruleIds(verdict), "exactly one row fires");
        assertFalse(verdict.deny(), "the on-device model answers");
    }

    @Test
    void aSpentBudgetRefusesATaskThatNeedsTheCloud() throws Exception {
        PartialVerdict spent = verdict(PACK, TestFacts.request().task("code", 100).budgetExhausted());
        assertTrue(spent.deny());
        assertEquals(List.of("routing.budget-exhausted"), spent.deniedBy());
        assertEquals(List.of("routing.budget-exhausted"), ruleIds(spent));

        assertFalse(verdict(PACK, TestFacts.request().task("code", 100)).deny(), "with budget left the cloud answers");
    }

    @Test
    void routingRowsCarryTheirBasisAndMessage() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().task("faq", 20));

        assertEquals("Tollgate routing policy (cost/latency)", verdict.reasons().getFirst().basis());
        assertEquals("Short FAQ questions are answered by the on-device model", verdict.reasons().getFirst().message());
        assertFalse(verdict.deny());
        assertEquals(List.of(), verdict.forbidden());
    }

    @Test
    void aCloudSlowerThanTheBudgetIsExcludedNamingTheRule() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().task("reasoning", 100).latencyBudget(1500)
                .destinations(TestFacts.SLM_LOCAL.withObservedP95Ms(4000), TestFacts.CLOUD_EU.withObservedP95Ms(3000),
                        TestFacts.CLOUD_US.withObservedP95Ms(900)));

        assertEquals(List.of("cloud-eu"), verdict.forbidden());
        assertEquals(List.of("routing.complex-task", "routing.latency-excluded"), ruleIds(verdict).stream().sorted().toList());
    }

    @Test
    void withoutABudgetOrAnObservationNothingIsExcluded() throws Exception {
        TestFacts slowCloud = TestFacts.request().task("reasoning", 100)
                .destinations(TestFacts.SLM_LOCAL, TestFacts.CLOUD_EU.withObservedP95Ms(3000));
        assertEquals(List.of(), verdict(PACK, slowCloud).forbidden());
        assertEquals(List.of(), verdict(PACK, TestFacts.request().task("reasoning", 100).latencyBudget(1500)).forbidden());
        assertEquals(List.of(), verdict(PACK, TestFacts.request().task("reasoning", 100).latencyBudget(3000)
                .destinations(TestFacts.CLOUD_EU.withObservedP95Ms(3000))).forbidden());
    }
}
