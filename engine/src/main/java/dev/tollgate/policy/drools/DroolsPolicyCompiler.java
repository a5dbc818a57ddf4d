package dev.tollgate.policy.drools;

import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PackDigest;
import dev.tollgate.policy.PolicyCompiler;
import dev.tollgate.policy.PolicyFiles;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compiles a directory of Drools packs: each immediate sub-folder is a pack named after the folder,
 * holding DRL files, decision tables (.csv, .xlsx), an optional reference.json and a README.md.
 * Either every pack compiles and passes the rule conventions, or the load fails listing every problem.
 * <p>
 * Rule ids start with the pack's id prefix: the folder name, unless the prefixes map gives another
 * (the folder "eu-ai-act" holds rules "ai-act.*").
 * <p>
 * It compiles, and every version it compiles evaluates, on this compiler's {@link EvaluationThreads} when a virtual
 * thread asks; closing it ends them.
 */
public final class DroolsPolicyCompiler implements PolicyCompiler {
    /** Id prefixes of the packs shipped in policies/ whose folder name is not their prefix. */
    public static final Map<String, String> SHIPPED_ID_PREFIXES = Map.of(
            "eu-ai-act", "ai-act",
            "data-residency", "residency");

    private static final String README = "README.md";

    private final Map<String, String> idPrefixes;
    private final PackCompiler packCompiler;
    private final EvaluationThreads threads;

    public DroolsPolicyCompiler() {
        this(SHIPPED_ID_PREFIXES);
    }

    /** @param idPrefixes pack folder name to rule id prefix, for packs whose prefix is not their folder name */
    public DroolsPolicyCompiler(Map<String, String> idPrefixes) {
        this(idPrefixes, CompiledPackCache.none());
    }

    /**
     * The shipped prefixes, each pack compiled once and kept in {@code compiledPacks} until one of its files
     * changes ({@link CompiledPackCache}).
     *
     * @param evaluationThreads the platform threads virtual threads' evaluations run on; 0: one per processor
     */
    public DroolsPolicyCompiler(Path compiledPacks, int evaluationThreads) {
        this(SHIPPED_ID_PREFIXES, CompiledPackCache.in(compiledPacks), evaluationThreads);
    }

    DroolsPolicyCompiler(Map<String, String> idPrefixes, CompiledPackCache cache) {
        this(idPrefixes, cache, 0);
    }

    private DroolsPolicyCompiler(Map<String, String> idPrefixes, CompiledPackCache cache, int evaluationThreads) {
        this.idPrefixes = Map.copyOf(idPrefixes);
        this.packCompiler = new PackCompiler(cache);
        this.threads = new EvaluationThreads(evaluationThreads > 0 ? evaluationThreads
                : Runtime.getRuntime().availableProcessors());
    }

    /** On a platform thread, as evaluations are: see {@link EvaluationThreads}. */
    @Override
    public CompiledPolicy compile(Path policyDir) throws PolicyLoadException {
        return threads.run("compilation", () -> compileHere(policyDir));
    }

    private CompiledPolicy compileHere(Path policyDir) throws PolicyLoadException {
        if (!Files.isDirectory(policyDir)) {
            throw new PolicyLoadException(List.of(new PolicyProblem(".", 0, "policy directory " + policyDir + " not found")));
        }
        List<PolicyProblem> problems = new ArrayList<>();
        String digest;
        Map<String, Map<String, byte[]>> packFiles;
        try {
            List<Path> files = PolicyFiles.list(policyDir);
            digest = PackDigest.of(policyDir, files);
            packFiles = readPacks(policyDir, files, problems);
            if (!digest.equals(PackDigest.of(policyDir, PolicyFiles.list(policyDir)))) {
                throw new PolicyLoadException(List.of(new PolicyProblem(".", 0, "policy files changed while being read")));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PolicyLoadException(List.of(new PolicyProblem(".", 0, "cannot read policy directory: " + e.getMessage())));
        }
        if (packFiles.isEmpty()) {
            problems.add(new PolicyProblem(".", 0, "no policy packs: each pack is a sub-folder of " + policyDir));
        }

        List<CompiledPack> packs = new ArrayList<>();
        packFiles.forEach((pack, files) -> {
            Optional<CompiledPack> compiled = packCompiler.compile(pack, idPrefixes.getOrDefault(pack, pack), files, problems);
            compiled.ifPresent(packs::add);
        });
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(PolicyProblem::file).thenComparingInt(PolicyProblem::line));
            throw new PolicyLoadException(problems);
        }
        return new DroolsPolicy(digest, packs, threads);
    }

    /**
     * Work already asked for finishes; later compilations, and evaluations of the versions it compiled, from virtual
     * threads are rejected.
     */
    @Override
    public void close() {
        threads.close();
    }

    /** File contents by pack name (sorted) and relative path (sorted); stray files become problems. */
    private static Map<String, Map<String, byte[]>> readPacks(Path policyDir, List<Path> files, List<PolicyProblem> problems)
            throws IOException {
        Map<String, Map<String, byte[]>> packs = new TreeMap<>();
        for (Path relative : files) {
            String file = PolicyFiles.unixPath(relative);
            if (relative.getNameCount() == 1) {
                if (!file.equals(README)) {
                    problems.add(new PolicyProblem(file, 0, "file outside a pack; put it in a pack folder"));
                }
            } else if (relative.getNameCount() > 2) {
                problems.add(new PolicyProblem(file, 0, "nested folders are not loaded; keep pack files directly in the pack folder"));
            } else {
                packs.computeIfAbsent(relative.getName(0).toString(), pack -> new LinkedHashMap<>())
                        .put(file, Files.readAllBytes(policyDir.resolve(relative)));
            }
        }
        return packs;
    }
}
