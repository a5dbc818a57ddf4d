package dev.tollgate.policy.rego;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.styra.opa.wasm.OpaPolicy;
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

    /** Builds a first instance to resolve entrypoints and read every pack's rules; problems are added. */
    RegoWasmPolicy(String digest, String revision, List<RegoPack> packs, WasmBundle bundle, int poolSize,
                   List<PolicyProblem> problems) {
        this(digest, revision, packs, bundle, poolSize, FirstInstance.read(bundle, packs, problems));
    }

    private RegoWasmPolicy(String digest, String revision, List<RegoPack> packs, WasmBundle bundle, int poolSize,
                           FirstInstance first) {
        super(ENGINE, digest, first.rules());
        this.revision = revision;
        this.packs = List.copyOf(packs);
        this.verdictEntrypoints = first.verdictEntrypoints();
        this.instances = new WasmInstances(() -> instance(bundle), poolSize, first.policy());
    }

    /** The first instance, with every pack's verdict entrypoint resolved and rule ids read on it. */
    private record FirstInstance(OpaPolicy policy, int[] verdictEntrypoints, Map<String, List<String>> rules) {
        static FirstInstance read(WasmBundle bundle, List<RegoPack> packs, List<PolicyProblem> problems) {
            OpaPolicy first = instance(bundle);
            int[] verdictEntrypoints = new int[packs.size()];
            Map<String, List<String>> rules = new LinkedHashMap<>();
            for (int i = 0; i < packs.size(); i++) {
                RegoPack pack = packs.get(i);
                verdictEntrypoints[i] = first.findEntrypoint(pack.verdictEntrypoint());
                JsonNode document = result(first.entrypoint(pack.rulesEntrypoint()).evaluate("{}"), pack.rulesEntrypoint());
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
            String[] outputs = new String[packs.size()];
            try {
                // The input is parsed into Wasm memory once and read by every pack's entrypoint.
                instance.input(input);
                for (int i = 0; i < packs.size(); i++) {
                    outputs[i] = instance.entrypoint(verdictEntrypoints[i]).evaluate();
                }
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

    private static OpaPolicy instance(WasmBundle bundle) {
        return OpaPolicy.builder().withPolicy(bundle.policyWasm()).build().data(bundle.dataJson());
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
