package dev.tollgate.policy.rego;

import dev.tollgate.policy.PackDigest;
import dev.tollgate.policy.PolicyCompiler;
import dev.tollgate.policy.PolicyFiles;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles an OPA bundle directory (Rego packs, data.json, optional .manifest) to Wasm with
 * {@code opa build -t wasm} and loads it for in-process evaluation: the default Rego mode, needing no
 * OPA server. A bundle that does not pass {@code opa check --strict}, whose manifest is invalid, or
 * whose packs break the rule conventions is refused with every problem's file and line.
 */
public final class RegoWasmCompiler implements PolicyCompiler {
    private final OpaBinary opa;
    private final int poolSize;
    private final CompiledBundleCache cache;

    /** The opa binary from {@link OpaBinary#locate()}, one Wasm instance per available processor. */
    public RegoWasmCompiler() {
        this(OpaBinary.locate(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * The opa binary from {@link OpaBinary#locate()}, one Wasm instance per available processor, each bundle built
     * once and kept in {@code compiledBundles} until one of its files changes ({@link CompiledBundleCache}).
     */
    public RegoWasmCompiler(Path compiledBundles) {
        this(OpaBinary.locate(), Runtime.getRuntime().availableProcessors(), CompiledBundleCache.in(compiledBundles));
    }

    /** @param poolSize how many evaluations may run at once; further ones wait for a free instance */
    public RegoWasmCompiler(OpaBinary opa, int poolSize) {
        this(opa, poolSize, CompiledBundleCache.none());
    }

    RegoWasmCompiler(OpaBinary opa, int poolSize, CompiledBundleCache cache) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
        this.opa = opa;
        this.poolSize = poolSize;
        this.cache = cache;
    }

    @Override
    public RegoWasmPolicy compile(Path bundleDir) throws PolicyLoadException {
        if (!Files.isDirectory(bundleDir)) {
            throw new PolicyLoadException(List.of(new PolicyProblem(".", 0, "bundle directory " + bundleDir + " not found")));
        }
        BundleManifest manifest = BundleManifest.read(bundleDir);
        String digest = digest(bundleDir);
        List<RegoPack> packs = RegoPack.discover(bundleDir);
        Optional<Path> file = cache.file(opa, digest, OpaBuild.buildArguments(packs));
        Optional<CompiledBundleCache.Stored> stored = file.flatMap(cache::load);
        WasmBundle wasm = stored.isPresent() ? stored.get().bundle() : new OpaBuild(opa).build(bundleDir, packs);
        if (!digest.equals(digest(bundleDir))) {
            throw new PolicyLoadException(List.of(new PolicyProblem(".", 0, "bundle files changed while being compiled")));
        }
        RegoModule module = RegoModule.load(wasm, stored.map(CompiledBundleCache.Stored::classes));
        List<PolicyProblem> problems = new ArrayList<>();
        RegoWasmPolicy policy = new RegoWasmPolicy(digest, manifest.revision(), packs, module.first(), module.more(),
                poolSize, problems);
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems);
        }
        if (stored.isEmpty() || module.compiled()) {
            file.ifPresent(target -> cache.store(target, new CompiledBundleCache.Stored(wasm, module.classes())));
        }
        return policy;
    }

    static String digest(Path bundleDir) throws PolicyLoadException {
        try {
            return PackDigest.of(bundleDir, PolicyFiles.list(bundleDir));
        } catch (IOException | RuntimeException e) {
            throw new PolicyLoadException(List.of(new PolicyProblem(".", 0, "cannot read bundle: " + e.getMessage())));
        }
    }
}
