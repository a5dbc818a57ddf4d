package dev.tollgate.cli.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.Json;
import dev.tollgate.decision.PolicyEvaluation;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.Outcome;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Drools and Rego over the same generated facts documents: every pack's partial verdict and the combined outcome
 * must be the same in both engines. The property-based parity test does the same with shrinking.
 */
public final class ParitySample {
    /** A document the engines decide differently, with what each engine said where they part. */
    public record Difference(Facts facts, String what, Object drools, Object rego) {
        public String render() {
            return "  facts: " + json(facts) + "\n    " + what + "\n      drools: " + json(drools)
                    + "\n      rego:   " + json(rego) + "\n";
        }
    }

    /** @param differences the first ones found, at most the number asked for */
    public record Report(int documents, long seed, int differing, List<Difference> differences) {
        public String render() {
            StringBuilder text = new StringBuilder("parity: " + documents + " facts documents from seed " + seed + ", "
                    + differing + " decided differently by drools and rego\n");
            differences.forEach(d -> text.append(d.render()));
            if (differing > differences.size()) {
                text.append("  (").append(differing - differences.size()).append(" more not shown)\n");
            }
            return text.toString();
        }
    }

    private ParitySample() {
    }

    public static Report run(CompiledPolicy drools, CompiledPolicy rego, int documents, long seed, int shown) {
        SampleFacts sample = new SampleFacts(seed);
        List<Difference> differences = new ArrayList<>();
        int differing = 0;
        for (int i = 0; i < documents; i++) {
            Difference difference = compare(drools, rego, sample.next());
            if (difference != null) {
                differing++;
                if (differences.size() < shown) {
                    differences.add(difference);
                }
            }
        }
        return new Report(documents, seed, differing, differences);
    }

    /** Where the engines part on this document, pack by pack and then combined; null when they agree. */
    static Difference compare(CompiledPolicy drools, CompiledPolicy rego, Facts facts) {
        List<PartialVerdict> byDrools = normalised(drools.evaluate(facts));
        List<PartialVerdict> byRego = normalised(rego.evaluate(facts));
        for (int i = 0; i < Math.max(byDrools.size(), byRego.size()); i++) {
            PartialVerdict d = i < byDrools.size() ? byDrools.get(i) : null;
            PartialVerdict r = i < byRego.size() ? byRego.get(i) : null;
            if (d == null || !d.equals(r)) {
                return new Difference(facts, "pack " + (d != null ? d.pack() : r.pack()), d, r);
            }
        }
        Outcome combinedDrools = normalised(PolicyEvaluation.evaluate(List.of(drools), facts).outcome());
        Outcome combinedRego = normalised(PolicyEvaluation.evaluate(List.of(rego), facts).outcome());
        return combinedDrools.equals(combinedRego) ? null
                : new Difference(facts, "combined outcome", combinedDrools, combinedRego);
    }

    /** Engine names and decision ids removed; reasons in id order, as firing order is engine-specific. */
    public static List<PartialVerdict> normalised(List<PartialVerdict> verdicts) {
        return verdicts.stream().map(v -> new PartialVerdict("*", v.pack(), v.deny(), v.forbidden(), v.obligations(),
                v.route(), normalisedReasons(v.reasons()), null, v.deniedBy())).toList();
    }

    public static Outcome normalised(Outcome outcome) {
        return new Outcome(outcome.effect(), outcome.route(), outcome.permittedDestinations(), outcome.obligations(),
                normalisedReasons(outcome.reasons()));
    }

    private static List<Reason> normalisedReasons(List<Reason> reasons) {
        return reasons.stream()
                .map(r -> new Reason(r.rule(), "*", r.pack(), r.basis(), r.message()))
                .sorted(Comparator.comparing(Reason::pack).thenComparing(Reason::rule))
                .toList();
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
