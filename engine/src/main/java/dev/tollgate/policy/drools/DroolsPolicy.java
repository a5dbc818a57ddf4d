package dev.tollgate.policy.drools;

import dev.tollgate.facts.Facts;
import dev.tollgate.policy.LoadedPolicy;
import dev.tollgate.policy.PartialVerdict;
import org.kie.api.runtime.StatelessKieSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One loaded version of the Drools packs. Immutable; each evaluation runs a fresh stateless session per
 * pack, so any number of threads may evaluate at once.
 */
public final class DroolsPolicy extends LoadedPolicy {
    public static final String ENGINE = "drools";

    private final List<CompiledPack> packs;
    private final EvaluationThreads threads;

    DroolsPolicy(String digest, List<CompiledPack> packs, EvaluationThreads threads) {
        super(ENGINE, digest, rules(packs));
        this.packs = packs.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        this.threads = threads;
    }

    /** On a platform thread: see {@link EvaluationThreads}. */
    @Override
    public List<PartialVerdict> evaluate(Facts facts) {
        return threads.run("evaluation", () -> evaluateHere(facts));
    }

    private List<PartialVerdict> evaluateHere(Facts facts) {
        List<Object> common = new ArrayList<>();
        common.add(facts.request());
        common.add(facts.subject());
        common.add(facts.data());
        common.add(facts.content());
        common.addAll(facts.destinations());
        common.addAll(facts.data().entityCounts());
        List<PartialVerdict> verdicts = new ArrayList<>(packs.size());
        for (CompiledPack pack : packs) {
            VerdictCollector verdict = new VerdictCollector(pack.name());
            StatelessKieSession session = pack.kieBase().newStatelessKieSession();
            session.setGlobal(PackCompiler.GLOBAL, verdict);
            List<Object> inserted = new ArrayList<>(common);
            inserted.addAll(pack.referenceSets());
            session.execute(inserted);
            verdicts.add(verdict.toPartialVerdict());
        }
        return List.copyOf(verdicts);
    }

    @Override
    public String toString() {
        return "DroolsPolicy[" + digest() + ", " + ruleCounts() + "]";
    }

    /** In pack name order, as the packs are evaluated. */
    private static Map<String, List<String>> rules(List<CompiledPack> packs) {
        Map<String, List<String>> rules = new TreeMap<>();
        packs.forEach(pack -> rules.put(pack.name(), pack.rules()));
        return rules;
    }
}
