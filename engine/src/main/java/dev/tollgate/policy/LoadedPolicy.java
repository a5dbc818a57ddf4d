package dev.tollgate.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every engine's loaded version records alike: the engine's name, the packs' digest and rules per pack. */
public abstract class LoadedPolicy implements CompiledPolicy {
    private final String engine;
    private final String digest;
    private final Map<String, List<String>> rules;
    private final Map<String, Integer> ruleCounts;

    /** @param rules the rule ids per pack, in the order the engine reports its packs */
    protected LoadedPolicy(String engine, String digest, Map<String, List<String>> rules) {
        this.engine = engine;
        this.digest = digest;
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        rules.forEach((pack, packRules) -> {
            ids.put(pack, List.copyOf(packRules));
            counts.put(pack, packRules.size());
        });
        this.rules = Collections.unmodifiableMap(ids);
        this.ruleCounts = Collections.unmodifiableMap(counts);
    }

    @Override
    public final String engine() {
        return engine;
    }

    @Override
    public final String digest() {
        return digest;
    }

    @Override
    public final Map<String, Integer> ruleCounts() {
        return ruleCounts;
    }

    @Override
    public final Map<String, List<String>> rules() {
        return rules;
    }
}
