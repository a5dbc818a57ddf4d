package dev.tollgate.policy;

import java.util.Map;

/** What every engine's loaded version records alike: the engine's name, the packs' digest and rules per pack. */
public abstract class LoadedPolicy implements CompiledPolicy {
    private final String engine;
    private final String digest;
    private final Map<String, Integer> ruleCounts;

    /** @param ruleCounts kept as given: an unmodifiable map in the order the engine reports its packs */
    protected LoadedPolicy(String engine, String digest, Map<String, Integer> ruleCounts) {
        this.engine = engine;
        this.digest = digest;
        this.ruleCounts = ruleCounts;
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
}
