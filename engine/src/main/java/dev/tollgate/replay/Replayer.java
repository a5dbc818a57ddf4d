package dev.tollgate.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.decision.Outcome;
import dev.tollgate.decision.PolicyEvaluation;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PolicyCompiler;
import dev.tollgate.policy.PolicyLoadException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Re-decides every logged decision from its logged facts: under the exact policy versions recorded in it
 * (taken from the policy store), or under candidate policies to see what a policy change would change.
 */
public final class Replayer {
    private final PolicyStore store;
    private final Map<String, PolicyCompiler> compilers;
    private final Map<String, CompiledPolicy> cache = new HashMap<>();

    /** @param compilers engine name -> compiler for that engine's policy directories */
    public Replayer(PolicyStore store, Map<String, PolicyCompiler> compilers) {
        this.store = store;
        this.compilers = Map.copyOf(compilers);
    }

    /** One replayed decision: what was logged and what the policies give now. */
    public record Replayed(String decisionId, Outcome recorded, Outcome replayed) {
        public boolean matches() {
            return recorded.equals(replayed);
        }
    }

    /** Replays under the recorded versions. */
    public List<Replayed> replay(Path logDir) throws IOException, PolicyLoadException {
        return replay(logDir, List.of());
    }

    /**
     * Replays with candidate policies in place of the recorded versions of their engines; engines without a
     * candidate keep their recorded versions.
     */
    public List<Replayed> replay(Path logDir, List<CompiledPolicy> candidates) throws IOException, PolicyLoadException {
        List<Replayed> results = new ArrayList<>();
        try (LogReader reader = LogReader.open(logDir)) {
            while (reader.hasNext()) {
                JsonNode record = reader.next().json();
                if (!"decision".equals(record.path("type").asText())) {
                    continue;
                }
                Facts facts = read(record.get("facts"), Facts.class);
                Outcome recorded = read(record.get("outcome"), Outcome.class);
                List<CompiledPolicy> policies = recordedPolicies(record).stream()
                        .map(version -> candidates.stream().filter(c -> c.engine().equals(version.engine()))
                                .findFirst().orElse(version))
                        .toList();
                List<String> unavailable = new ArrayList<>();
                record.path("unavailable_detectors").forEach(d -> unavailable.add(d.asText()));
                Map<String, Integer> inputLimits = new TreeMap<>();
                record.path("input_limits").fields()
                        .forEachRemaining(limit -> inputLimits.put(limit.getKey(), limit.getValue().asInt()));
                Outcome replayed = PolicyEvaluation.evaluate(policies, facts, unavailable, inputLimits).outcome();
                results.add(new Replayed(record.get("decision_id").asText(), recorded, replayed));
            }
        }
        return results;
    }

    private List<CompiledPolicy> recordedPolicies(JsonNode record) throws PolicyLoadException {
        List<CompiledPolicy> policies = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> versions = record.get("policy_version").fields();
        while (versions.hasNext()) {
            Map.Entry<String, JsonNode> version = versions.next();
            policies.add(compiled(version.getKey(), version.getValue().asText()));
        }
        return policies;
    }

    private CompiledPolicy compiled(String engine, String digest) throws PolicyLoadException {
        String key = engine + "@" + digest;
        CompiledPolicy policy = cache.get(key);
        if (policy == null) {
            PolicyCompiler compiler = compilers.get(engine);
            Path dir = store.get(engine, digest).orElseThrow(() -> new IllegalStateException(
                    "policy version " + digest + " of engine " + engine + " is not in the policy store"));
            if (compiler == null) {
                throw new IllegalStateException("no compiler for engine " + engine);
            }
            policy = compiler.compile(dir);
            cache.put(key, policy);
        }
        return policy;
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("record does not hold a readable " + type.getSimpleName(), e);
        }
    }
}
