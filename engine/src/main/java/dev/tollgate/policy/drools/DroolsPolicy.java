package dev.tollgate.policy.drools;

import dev.tollgate.facts.Facts;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PartialVerdict;
import org.kie.api.runtime.StatelessKieSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One loaded version of the Drools packs. Immutable; each evaluation runs a fresh stateless session per
 * pack, so any number of threads may evaluate at once.
 */
public final class DroolsPolicy implements CompiledPolicy {
    public static final String ENGINE = "drools";

    private final String digest;
    private final List<CompiledPack> packs;
    private final Map<String, Integer> ruleCounts;

    DroolsPolicy(String digest, List<CompiledPack> packs) {
        this.digest = digest;
        this.packs = packs.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        this.packs.forEach(pack -> counts.put(pack.name(), pack.ruleCount()));
        this.ruleCounts = Collections.unmodifiableMap(counts);
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public String digest() {
        return digest;
    }

    @Override
    public Map<String, Integer> ruleCounts() {
        return ruleCounts;
    }

    @Override
    public List<PartialVerdict> evaluate(Facts facts) {
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
        return "DroolsPolicy[" + digest + ", " + ruleCounts + "]";
    }
}
