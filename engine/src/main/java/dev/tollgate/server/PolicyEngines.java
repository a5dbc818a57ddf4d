package dev.tollgate.server;

import dev.tollgate.config.TollgateConfig;
import dev.tollgate.policy.CompiledStore;
import dev.tollgate.policy.PolicyCompiler;
import dev.tollgate.policy.drools.DroolsPolicyCompiler;
import dev.tollgate.policy.rego.RegoRemoteCompiler;
import dev.tollgate.policy.rego.RegoWasmCompiler;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The engine modes an operator can choose with --engines, each with its compiler and policy directory.
 * Both Rego modes evaluate the same bundle and record the same engine name, "rego".
 */
public enum PolicyEngines {
    DROOLS("drools", "drools"),
    REGO_WASM("rego-wasm", "rego"),
    REGO_REMOTE("rego-remote", "rego");

    private final String mode;
    private final String engine;

    PolicyEngines(String mode, String engine) {
        this.mode = mode;
        this.engine = engine;
    }

    public static PolicyEngines of(String mode) {
        for (PolicyEngines e : values()) {
            if (e.mode.equals(mode)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + mode + "': use drools, rego-wasm or rego-remote");
    }

    /** The name recorded in reasons, policy versions and the policy store. */
    public String engine() {
        return engine;
    }

    public String mode() {
        return mode;
    }

    public Path directory(TollgateConfig.Policies policies) {
        return Path.of(this == DROOLS ? policies.droolsDir() : policies.regoDir());
    }

    /** @param data the data directory, where the Drools packs and the Rego Wasm build are kept for the next start */
    public PolicyCompiler compiler(TollgateConfig.Policies policies, Path data) {
        return switch (this) {
            case DROOLS -> new DroolsPolicyCompiler(CompiledStore.directory(data, "drools"),
                    policies.droolsThreads());
            case REGO_WASM -> new RegoWasmCompiler(CompiledStore.directory(data, "rego"));
            case REGO_REMOTE -> new RegoRemoteCompiler(URI.create(policies.opaUrl()),
                    Duration.ofMillis(policies.opaTimeoutMs()));
        };
    }

    /** Compilers by recorded engine name, for replay: a remote decision replays on the embedded engine. */
    public static Map<String, PolicyCompiler> replayCompilers() {
        return Map.of(DROOLS.engine, new DroolsPolicyCompiler(), REGO_WASM.engine, new RegoWasmCompiler());
    }
}
