package dev.tollgate.policy.drools;

import dev.tollgate.facts.Facts;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.Reason;

import java.nio.file.Path;
import java.util.List;

/** The packs in the repository's policies/ folder, compiled once for all tests of a run. */
final class ShippedPolicies {
    private static CompiledPolicy compiled;

    private ShippedPolicies() {
    }

    static Path dir() {
        return Path.of(System.getProperty("tollgate.root", "..")).resolve("policies");
    }

    static synchronized CompiledPolicy policy() throws PolicyLoadException {
        if (compiled == null) {
            compiled = new DroolsPolicyCompiler().compile(dir());
        }
        return compiled;
    }

    static PartialVerdict verdict(String pack, TestFacts facts) throws PolicyLoadException {
        return verdict(pack, facts.build());
    }

    static PartialVerdict verdict(String pack, Facts facts) throws PolicyLoadException {
        return policy().evaluate(facts).stream()
                .filter(verdict -> verdict.pack().equals(pack))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no verdict from pack " + pack));
    }

    static List<String> ruleIds(PartialVerdict verdict) {
        return verdict.reasons().stream().map(Reason::rule).toList();
    }
}
