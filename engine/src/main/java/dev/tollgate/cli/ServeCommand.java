package dev.tollgate.cli;

import dev.tollgate.server.TollgateServer;
import dev.tollgate.audit.DataDirLock;
import dev.tollgate.config.ConfigException;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.policy.PolicyLoadException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Starts the service and keeps it running until the process is stopped. */
final class ServeCommand {
    /** Another service writes the data directory: this one exits at once instead of waiting for it. */
    static final int DATA_DIR_HELD = 4;

    private ServeCommand() {
    }

    /** Each flag overrides the same setting as its environment variable. */
    private static final Map<String, String> FLAGS = Map.of(
            "--host", "TOLLGATE_HOST",
            "--port", "TOLLGATE_PORT",
            "--data-dir", "TOLLGATE_DATA_DIR",
            "--policies", "TOLLGATE_POLICIES_DIR",
            "--engines", "TOLLGATE_ENGINES",
            "--opa-url", "TOLLGATE_OPA_URL",
            "--slm-model", "TOLLGATE_SLM_MODEL",
            "--store", "TOLLGATE_STORE",
            "--replica-id", "TOLLGATE_REPLICA_ID");

    /** A bad value given as a flag is a usage error naming the flag, not the variable it stands for. */
    private static RuntimeException asUsageError(ConfigException e, Args args) {
        for (Map.Entry<String, String> flag : FLAGS.entrySet()) {
            String prefix = "environment " + flag.getValue() + ": ";
            if (args.has(flag.getKey()) && e.getMessage().startsWith(prefix)) {
                return new Args.UsageException(flag.getKey() + ": " + e.getMessage().substring(prefix.length()));
            }
        }
        return e;
    }

    /** Returns -1: the server keeps the JVM alive. */
    static int run(List<String> argv) throws Exception {
        Set<String> valued = new HashSet<>(FLAGS.keySet());
        valued.add("--config");
        Args args = Args.parse(argv, valued, Set.of());
        Path file = args.get("--config").or(() -> Optional.ofNullable(System.getenv("TOLLGATE_CONFIG")))
                .map(Path::of).orElse(null);
        Map<String, String> overrides = new HashMap<>(System.getenv());
        FLAGS.forEach((flag, variable) -> args.get(flag).ifPresent(value -> overrides.put(variable, value)));
        TollgateConfig config;
        try {
            config = TollgateConfig.load(file, overrides);
        } catch (ConfigException e) {
            throw asUsageError(e, args);
        }
        try {
            TollgateServer server = TollgateServer.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tollgate-shutdown"));
            return -1;
        } catch (DataDirLock.HeldException e) {
            System.err.println("tollgate: " + e.getMessage());
            return DATA_DIR_HELD;
        } catch (PolicyLoadException e) {
            System.err.println("tollgate: policies could not be loaded:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 3;
        }
    }
}
