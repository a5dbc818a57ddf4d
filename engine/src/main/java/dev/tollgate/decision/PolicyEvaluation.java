package dev.tollgate.decision;

import dev.tollgate.facts.Facts;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.Outcome;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.terms.Effect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evaluates facts under a set of policy versions and combines the verdicts: the one code path shared by
 * live decisions and replay, so that replay re-decides exactly as the service decided. When the declared task
 * type differs from the derived one, the facts are evaluated as read with each ({@link TaskReadings}).
 */
public final class PolicyEvaluation {
    private static final Combiner COMBINER = new Combiner();

    private PolicyEvaluation() {
    }

    /**
     * @param versions          engine -> digest of what was evaluated
     * @param engineDecisionIds "engine/pack" -> the engine's own decision id, for engines that give one (OPA)
     * @param deniedBy          the ids of the rules that denied, sorted; empty when allowed. The outcome's reasons
     *                          also hold the rules that fired beside them (a routing row, a high-risk duty)
     */
    public record Evaluated(Outcome outcome, Map<String, String> versions, Map<String, String> engineDecisionIds,
                            List<String> deniedBy) {
    }

    public static Evaluated evaluate(List<CompiledPolicy> policies, Facts facts) {
        return evaluate(policies, facts, List.of());
    }

    /**
     * @param unavailableDetectors required detectors that did not answer when the facts were built; each one
     *                             fails the decision closed (and is logged, so replay fails it the same way)
     */
    public static Evaluated evaluate(List<CompiledPolicy> policies, Facts facts, List<String> unavailableDetectors) {
        return evaluate(policies, facts, unavailableDetectors, Map.of());
    }

    /**
     * @param inputLimits destination id -> the most estimated input tokens it takes; logged with the decision,
     *                    so replay leaves out the same destinations
     */
    public static Evaluated evaluate(List<CompiledPolicy> policies, Facts facts, List<String> unavailableDetectors,
                                     Map<String, Integer> inputLimits) {
        Map<String, String> versions = new TreeMap<>();
        List<PartialVerdict> verdicts = new ArrayList<>();
        List<Reason> failures = new ArrayList<>();
        unavailableDetectors.forEach(d -> failures.add(FailClosed.detector(d)));
        TaskReadings readings = TaskReadings.of(facts);
        for (CompiledPolicy policy : policies) {
            versions.put(policy.engine(), policy.digest());
            try {
                verdicts.addAll(policy.evaluate(readings.routing()));
                if (readings.restricting() != null) {
                    policy.evaluate(readings.restricting()).forEach(v -> verdicts.add(restrictionsOnly(v)));
                }
            } catch (RuntimeException e) {
                failures.add(FailClosed.engine(policy.engine(), e));
            }
        }
        Map<String, String> engineDecisionIds = new TreeMap<>();
        verdicts.stream().filter(v -> v.engineDecisionId() != null)
                .forEach(v -> engineDecisionIds.put(v.engine() + "/" + v.pack(), v.engineDecisionId()));
        Outcome outcome = COMBINER.combine(facts, verdicts, failures, inputLimits);
        return new Evaluated(outcome, versions, engineDecisionIds, deniedBy(outcome, verdicts, failures));
    }

    /** Failures and denying rules when there are any; otherwise the combiner's own reason for denying. */
    private static List<String> deniedBy(Outcome outcome, List<PartialVerdict> verdicts, List<Reason> failures) {
        if (outcome.effect() != Effect.DENY) {
            return List.of();
        }
        TreeSet<String> rules = new TreeSet<>();
        failures.forEach(f -> rules.add(f.rule()));
        verdicts.forEach(v -> rules.addAll(v.deniedBy()));
        if (rules.isEmpty()) {
            outcome.reasons().stream().filter(r -> Combiner.PACK.equals(r.pack())).forEach(r -> rules.add(r.rule()));
        }
        return List.copyOf(rules);
    }

    /**
     * A verdict of the restricting reading may deny, forbid destinations and oblige; its routing preference (and
     * the routing rule behind it, unless that rule denied) is left out, so only one reading routes.
     */
    private static PartialVerdict restrictionsOnly(PartialVerdict verdict) {
        if (verdict.route() == null) {
            return verdict;
        }
        return new PartialVerdict(verdict.engine(), verdict.pack(), verdict.deny(), verdict.forbidden(),
                verdict.obligations(), null, verdict.deny() ? verdict.reasons() : List.of(), verdict.engineDecisionId(),
                verdict.deniedBy());
    }
}
