package dev.tollgate.policy.rego;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.styra.opa.wasm.OpaPolicy;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A bundle's Wasm module parsed and compiled to JVM classes once, for every instance of the pool: opa-java-wasm
 * parses and compiles the module again for each instance (0.8 s for the first, 0.2-0.3 s for each further one).
 * The compiled classes can come from an earlier start ({@link CompiledBundleCache}); classes that cannot be loaded
 * are compiled over. A module that calls builtins the host must provide (sprintf, yaml.*, json.is_valid) is left
 * to opa-java-wasm, which implements them.
 */
final class RegoModule {
    private static final System.Logger LOG = System.getLogger(RegoModule.class.getName());

    private final RegoInstance first;
    private final Supplier<RegoInstance> more;
    private final MachineClasses classes;
    private final boolean compiled;

    private RegoModule(RegoInstance first, Supplier<RegoInstance> more, MachineClasses classes, boolean compiled) {
        this.first = first;
        this.more = more;
        this.classes = classes;
        this.compiled = compiled;
    }

    static RegoModule load(WasmBundle bundle, Optional<MachineClasses> stored) {
        WasmModule module = Parser.parse(bundle.policyWasm());
        ClassStore store = new ClassStore(stored.filter(classes -> classes.moduleDigest().equals(module.digest())));
        Function<Instance, Machine> machines;
        try {
            machines = MachineFactoryCompiler.builder(module).withCache(store).compile();
        } catch (RuntimeException | LinkageError e) {
            if (store.stored.isEmpty()) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "the stored classes of the Rego Wasm module cannot be loaded (" + e
                    + "); compiling the module");
            store = new ClassStore(Optional.empty());
            machines = MachineFactoryCompiler.builder(module).withCache(store).compile();
        }
        Function<Instance, Machine> shared = machines;
        OpaAbiInstance first = new OpaAbiInstance(module, shared);
        MachineClasses classes = store.stored.orElseThrow();
        if (!first.builtins().isEmpty()) {
            Supplier<RegoInstance> opaJavaWasm = opaJavaWasm(bundle);
            return new RegoModule(opaJavaWasm.get(), opaJavaWasm, classes, store.compiled);
        }
        return new RegoModule(first.withData(bundle.dataJson()),
                () -> new OpaAbiInstance(module, shared).withData(bundle.dataJson()), classes, store.compiled);
    }

    /** Instances made by opa-java-wasm, each compiling the module itself: for modules that call host builtins. */
    static Supplier<RegoInstance> opaJavaWasm(WasmBundle bundle) {
        return () -> new OpaPolicyInstance(OpaPolicy.builder().withPolicy(bundle.policyWasm()).build().data(bundle.dataJson()));
    }

    /** The instance made while loading, with the bundle's data: the pool's first. */
    RegoInstance first() {
        return first;
    }

    /** Makes further instances, each with the bundle's data loaded. */
    Supplier<RegoInstance> more() {
        return more;
    }

    MachineClasses classes() {
        return classes;
    }

    /** Whether the module was compiled here rather than loaded from stored classes. */
    boolean compiled() {
        return compiled;
    }

    /** Chicory's compiler cache, holding at most the one module's classes: the stored ones or those compiled. */
    private static final class ClassStore implements Cache {
        private Optional<MachineClasses> stored;
        private boolean compiled;

        ClassStore(Optional<MachineClasses> stored) {
            this.stored = stored;
        }

        @Override
        public byte[] get(String key) {
            return stored.filter(classes -> classes.moduleDigest().equals(key)).map(MachineClasses::jar).orElse(null);
        }

        @Override
        public void putIfAbsent(String key, byte[] jar) {
            stored = Optional.of(new MachineClasses(key, jar));
            compiled = true;
        }
    }

    private record OpaPolicyInstance(OpaPolicy policy) implements RegoInstance {
        @Override
        public int entrypoint(String name) {
            return policy.findEntrypoint(name);
        }

        @Override
        public String[] evaluate(String input, int[] entrypoints) {
            policy.input(input);
            String[] results = new String[entrypoints.length];
            for (int i = 0; i < entrypoints.length; i++) {
                results[i] = policy.entrypoint(entrypoints[i]).evaluate();
            }
            return results;
        }
    }
}
