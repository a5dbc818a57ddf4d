package dev.tollgate.policy.rego;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.EngineException;
import dev.tollgate.policy.LoadedPolicy;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.PolicyProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One loaded version of the Rego packs, compiled to Wasm and evaluated in the JVM. A Wasm instance is
 * not thread-safe, so evaluations borrow one from a pool: up to {@code poolSize} evaluate at once, each
 * on its own instance with the bundle's data loaded once, and an instance that failed is dropped.
 */
public final class RegoWasmPolicy extends LoadedPolicy {
    public static final String ENGINE = VerdictDocument.ENGINE;

    private final String revision;
    private final List<RegoPack> packs;
    private final int[] verdictEntrypoints;
    private final WasmInstances instances;

    /**
     * Resolves the entrypoints and reads every pack's rules on the first instance; problems are added. Further
     * instances are made as concurrent evaluations need them, up to {@code poolSize}.
     */
    RegoWasmPolicy(String digest, String revision, List<RegoPack> packs, RegoInstance first, Supplier<RegoInstance> more,
                   int poolSize, List<PolicyProblem> problems) {
        this(digest, revision, packs, more, poolSize, FirstInstance.read(first, packs, problems));
    }

    private RegoWasmPolicy(String digest, String revision, List<RegoPack> packs, Supplier<RegoInstance> more, int poolSize,
                           FirstInstance first) {
        super(ENGINE, digest, first.rules());
        this.revision = revision;
        this.packs = List.copyOf(packs);
        this.verdictEntrypoints = first.verdictEntrypoints();
        this.instances = new WasmInstances(more, poolSize, first.instance());
    }

    /** The first instance, with every pack's verdict entrypoint resolved and rule ids read on it. */
    private record FirstInstance(RegoInstance instance, int[] verdictEntrypoints, Map<String, List<String>> rules) {
        static FirstInstance read(RegoInstance first, List<RegoPack> packs, List<PolicyProblem> problems) {
            int[] verdictEntrypoints = new int[packs.size()];
            Map<String, List<String>> rules = new LinkedHashMap<>();
            for (int i = 0; i < packs.size(); i++) {
                RegoPack pack = packs.get(i);
                verdictEntrypoints[i] = first.entrypoint(pack.verdictEntrypoint());
                int rulesEntrypoint = first.entrypoint(pack.rulesEntrypoint());
                JsonNode document = result(first.evaluate("{}", new int[] {rulesEntrypoint})[0], pack.rulesEntrypoint());
                rules.put(pack.name(), PackRules.check(pack, document, problems));
            }
            return new FirstInstance(first, verdictEntrypoints, rules);
        }
    }

    /** The bundle's .manifest revision, "" when it has none. */
    public String revision() {
        return revision;
    }

    @Override
    public List<PartialVerdict> evaluate(Facts facts) {
        String input = VerdictDocument.input(facts);
        return instances.withInstance(instance -> {
            String[] outputs;
            try {
                outputs = instance.evaluate(input, verdictEntrypoints);
            } catch (RuntimeException e) {
                // The Wasm runtime's message may quote the input: name the failure only.
                throw new EngineException("embedded Rego evaluation failed (" + e.getClass().getSimpleName() + ")");
            }
            List<PartialVerdict> verdicts = new ArrayList<>(packs.size());
            for (int i = 0; i < packs.size(); i++) {
                RegoPack pack = packs.get(i);
                verdicts.add(VerdictDocument.read(pack, result(outputs[i], pack.verdictEntrypoint()), null));
            }
            return List.copyOf(verdicts);
        });
    }

    @Override
    public String toString() {
        return "RegoWasmPolicy[" + digest() + ", revision " + revision + ", " + ruleCounts() + "]";
    }

    /** The value of a Wasm result set [{"result": value}]; undefined (an empty set) is a failure. */
    private static JsonNode result(String output, String entrypoint) {
        JsonNode resultSet;
        try {
            resultSet = Json.MAPPER.readTree(output);
        } catch (JsonProcessingException e) {
            throw new EngineException("embedded Rego returned malformed JSON for " + entrypoint);
        }
        JsonNode value = resultSet.path(0).path("result");
        if (value.isMissingNode()) {
            throw new EngineException("embedded Rego result for " + entrypoint + " is undefined");
        }
        return value;
    }
}
