package dev.tollgate.policy.drools;

import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.RouteChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.tollgate.policy.drools.ShippedPolicies.ruleIds;
import static dev.tollgate.policy.drools.ShippedPolicies.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RoutingPackTest {
    private static final String PACK = "routing";

    @ParameterizedTest(name = "{0}, {1} tokens, latency {2} ms -> {3}")
    @CsvSource({
            "faq,         256,  0,   routing.faq-short,        slm-local, static,",
            "classify,    1024, 0,   routing.classify-extract, slm-local, static,",
            "extract,     10,   0,   routing.classify-extract, slm-local, static,",
            "reasoning,   100,  300, routing.tight-latency,    slm-local, static,",
            "summarize,   512,  0,   routing.summarize,        slm-local, cascade,      0.55",
            "translate,   40,   800, routing.translate,        slm-local, cascade,      0.65",
            "reasoning,   100,  0,   routing.complex-task,     cloud-eu,  static,",
            "code,        100,  301, routing.complex-task,     cloud-eu,  static,",
            "multi_step,  100,  0,   routing.complex-task,     cloud-eu,  static,",
            "plan,        100,  0,   routing.complex-task,     cloud-eu,  static,",
            "summarize,   2049, 0,   routing.long-input,       cloud-eu,  static,",
            "draft,       2048, 0,   routing.draft-write,      slm-local, draft_verify,",
            "write,       100,  0,   routing.draft-write,      slm-local, draft_verify,",
            "faq,         257,  0,   routing.fallback,         slm-local, static,",
            "extract,     1025, 0,   routing.fallback,         slm-local, static,",
            "summarize,   513,  0,   routing.fallback,         slm-local, static,",
            "translate,   513,  0,   routing.fallback,         slm-local, static,",
            "haiku,       10,   0,   routing.fallback,         slm-local, static,",
    })
    void firstMatchingRowRoutes(String task, int tokens, int latencyMs, String rule, String destination, String strategy,
                                Double escalateBelow) throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().task(task, tokens).latencyBudget(latencyMs));

        assertEquals(new RouteChoice(destination, strategy, escalateBelow), verdict.route());
        assertEquals(List.of(rule), ruleIds(verdict), "exactly one row fires");
    }

    @Test
    void routingRowsCarryTheirBasisAndMessage() throws Exception {
        PartialVerdict verdict = verdict(PACK, TestFacts.request().task("faq", 20));

        assertEquals("Tollgate routing policy (cost/latency)", verdict.reasons().getFirst().basis());
        assertEquals("Short FAQ questions are answered by the on-device model", verdict.reasons().getFirst().message());
        assertFalse(verdict.deny());
        assertEquals(List.of(), verdict.forbidden());
    }
}
