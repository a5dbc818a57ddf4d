package dev.tollgate.policy.rego;

import dev.tollgate.Json;
import dev.tollgate.cli.policy.ParitySample;
import dev.tollgate.policy.Outcome;
import dev.tollgate.decision.PolicyEvaluation;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.drools.DroolsPolicyCompiler;
import dev.tollgate.testing.OpaServer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Differential test: the Drools packs in policies/ and the Rego packs in opa-bundles/ (embedded Wasm)
 * decide every facts document alike, pack by pack and once combined. On a disagreement jqwik shrinks
 * the document and reports the smallest one that still disagrees, printed as the JSON the engines read.
 */
class DroolsRegoParityTest {
    static final int DOCUMENTS = 10_000;

    private static CompiledPolicy drools;

    /** A facts document that prints as its JSON, so a failure report can be pasted into a test. */
    record FactsDocument(Facts facts) {
        @Override
        public String toString() {
            try {
                return Json.MAPPER.writeValueAsString(facts);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Provide
    Arbitrary<FactsDocument> documents() {
        return FactsArbitraries.facts().map(FactsDocument::new);
    }

    @Property(tries = DOCUMENTS, shrinking = ShrinkingMode.FULL)
    void droolsAndRegoDecideAlike(@ForAll("documents") FactsDocument document) throws PolicyLoadException {
        Facts facts = document.facts();
        CompiledPolicy rego = ShippedBundle.wasm();
        assertEquals(ParitySample.normalised(drools().evaluate(facts)), ParitySample.normalised(rego.evaluate(facts)),
                () -> "partial verdicts differ for facts " + document);
        Outcome byDrools = PolicyEvaluation.evaluate(List.of(drools()), facts).outcome();
        Outcome byRego = PolicyEvaluation.evaluate(List.of(rego), facts).outcome();
        assertEquals(ParitySample.normalised(byDrools), ParitySample.normalised(byRego),
                () -> "outcomes differ for facts " + document);
    }

    static synchronized CompiledPolicy drools() throws PolicyLoadException {
        if (drools == null) {
            drools = new DroolsPolicyCompiler().compile(OpaServer.root().resolve("policies"));
        }
        return drools;
    }
}
