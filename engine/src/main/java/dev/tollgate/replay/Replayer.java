package dev.tollgate.replay;

import dev.tollgate.audit.DecisionRecord;
import dev.tollgate.audit.LogEntry;
import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.decision.LogicVersions;
import dev.tollgate.decision.PolicyEvaluation;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.Outcome;
import dev.tollgate.policy.PolicyCompiler;
import dev.tollgate.policy.PolicyLoadException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Re-decides every logged decision from its logged facts: under the exact policy versions recorded in it
 * (taken from the policy store), or under candidate policies to see what a policy change would change.
 */
public final class Replayer {
    private final PolicyStore store;
    private final Map<String, PolicyCompiler> compilers;
    private static final int WORKERS = Runtime.getRuntime().availableProcessors();
    private static final int BATCH = 256;
    private static final int REMEMBERED = 4_096;

    private final Map<String, CompiledPolicy> cache = new HashMap<>();
    /**
     * The engines decide from the facts alone: decisions with equal facts under the same compiled versions (a log
     * repeats them: facts hold labels and counts, no text) are evaluated once, each still compared with its own
     * recorded outcome.
     */
    private final Map<Evaluation, Outcome> outcomes = new ConcurrentHashMap<>();

    private record Evaluation(List<CompiledPolicy> policies, Facts facts, List<String> unavailableDetectors,
                              Map<String, Integer> inputLimits) {
    }

    /** @param compilers engine name -> compiler for that engine's policy directories */
    public Replayer(PolicyStore store, Map<String, PolicyCompiler> compilers) {
        this.store = store;
        this.compilers = Map.copyOf(compilers);
    }

    /**
     * One replayed decision: what was logged and what the policies give now.
     *
     * @param otherLogic the record names a combiner version other than this build's: a different outcome was
     *                   changed by the logic, not a mismatch. False for a record that names none (written before
     *                   logic versions were logged): its difference is a mismatch, as it always was
     */
    public record Replayed(String decisionId, Outcome recorded, Outcome replayed, boolean otherLogic) {
        public boolean matches() {
            return recorded.equals(replayed);
        }

        public boolean changedByLogic() {
            return otherLogic && !matches();
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
        return replay(logDir, candidates, entry -> true);
    }

    /** As {@link #replay(Path, List)}, for the records {@code which} admits (a time range, say). */
    public List<Replayed> replay(Path logDir, List<CompiledPolicy> candidates, Predicate<LogEntry> which)
            throws IOException, PolicyLoadException {
        try (LogReader reader = LogReader.open(logDir)) {
            return replay(reader, candidates, which);
        }
    }

    /**
     * Replays the decisions among records (a log's, or every stream of the shared store), in their order, with
     * candidate policies as {@link #replay(Path, List)} takes them.
     */
    public List<Replayed> replay(Iterator<LogEntry> reader, List<CompiledPolicy> candidates) throws PolicyLoadException {
        return replay(reader, candidates, entry -> true);
    }

    /** As {@link #replay(Iterator, List)}, for the records {@code which} admits. */
    public List<Replayed> replay(Iterator<LogEntry> reader, List<CompiledPolicy> candidates, Predicate<LogEntry> which)
            throws PolicyLoadException {
        List<Replayed> results = new ArrayList<>();
        // This thread reads and parses the lines; workers turn them into records and evaluate them, a batch
        // each, while at most two batches per worker wait, so that memory stays bounded; results keep log order.
        Deque<Future<List<Replayed>>> pending = new ArrayDeque<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(WORKERS)) {
            List<LogEntry> batch = new ArrayList<>(BATCH);
            while (reader.hasNext()) {
                LogEntry entry = reader.next();
                if (which.test(entry)) {
                    batch.add(entry);
                }
                if (batch.size() == BATCH || !reader.hasNext() && !batch.isEmpty()) {
                    List<LogEntry> entries = batch;
                    pending.add(workers.submit(() -> replay(entries, candidates)));
                    batch = new ArrayList<>(BATCH);
                    if (pending.size() > 2 * WORKERS) {
                        results.addAll(done(pending.poll()));
                    }
                }
            }
            while (!pending.isEmpty()) {
                results.addAll(done(pending.poll()));
            }
        }
        return results;
    }

    private List<Replayed> replay(List<LogEntry> entries, List<CompiledPolicy> candidates) throws PolicyLoadException {
        List<Replayed> results = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            if (!(LogRecord.read(entry.json()).orElse(null) instanceof DecisionRecord record)) {
                continue;
            }
            List<CompiledPolicy> policies = recordedPolicies(record).stream()
                    .map(version -> candidates.stream().filter(c -> c.engine().equals(version.engine()))
                            .findFirst().orElse(version))
                    .toList();
            if (outcomes.size() >= REMEMBERED) {
                outcomes.clear();
            }
            Outcome replayed = outcomes.computeIfAbsent(new Evaluation(policies, record.facts(),
                    record.unavailableDetectors(), record.inputLimits()), evaluation -> PolicyEvaluation.evaluate(
                    evaluation.policies(), evaluation.facts(), evaluation.unavailableDetectors(),
                    evaluation.inputLimits()).outcome());
            String combiner = record.logicVersion().get(LogicVersions.COMBINER);
            results.add(new Replayed(record.decisionId(), record.outcome(),
                    RoutesLoggedWithoutTheirRule.asLogged(record.outcome(), replayed),
                    combiner != null && !combiner.equals(LogicVersions.combiner())));
        }
        return results;
    }

    /** A batch's results, with what failed in it thrown as itself. */
    private static List<Replayed> done(Future<List<Replayed>> batch) throws PolicyLoadException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case PolicyLoadException cause -> throw cause;
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    private List<CompiledPolicy> recordedPolicies(DecisionRecord record) throws PolicyLoadException {
        List<CompiledPolicy> policies = new ArrayList<>();
        for (Map.Entry<String, String> version : new TreeMap<>(record.policyVersion()).entrySet()) {
            policies.add(compiled(version.getKey(), version.getValue()));
        }
        return policies;
    }

    /** Each version is compiled once, by the first worker that needs it. */
    private synchronized CompiledPolicy compiled(String engine, String digest) throws PolicyLoadException {
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
}
