package dev.tollgate.cli;

import dev.tollgate.server.TollgateServer;
import dev.tollgate.audit.DataDirLock;
import dev.tollgate.config.ConfigException;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.policy.PolicyLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Starts the service and keeps it running until the process is stopped. */
@Command(name = "serve", description = {"Runs the service until it is stopped. Each option overrides the "
        + "environment variable named with it; the rest of the configuration comes from --config, else the embedded "
        + "application.yaml.",
        "Exit 2 on a bad option or configuration, 3 when the policies do not load, 4 when another service writes the "
        + "data directory."})
final class ServeCommand implements Callable<Integer> {
    /** Another service writes the data directory: this one exits at once instead of waiting for it. */
    static final int DATA_DIR_HELD = 4;
    static final int NOT_LISTENING = 5;

    /** Each flag overrides the same setting as its environment variable. */
    static final Map<String, String> FLAGS = Map.of(
            "--host", "TOLLGATE_HOST",
            "--port", "TOLLGATE_PORT",
            "--data-dir", "TOLLGATE_DATA_DIR",
            "--policies", "TOLLGATE_POLICIES_DIR",
            "--engines", "TOLLGATE_ENGINES",
            "--opa-url", "TOLLGATE_OPA_URL",
            "--slm-model", "TOLLGATE_SLM_MODEL",
            "--store", "TOLLGATE_STORE",
            "--replica-id", "TOLLGATE_REPLICA_ID");

    @Spec
    CommandSpec spec;

    // The values are read through FLAGS, so that each reaches the configuration as its variable would.
    @Option(names = "--host", paramLabel = "ADDRESS", description = "the address to listen on, TOLLGATE_HOST "
            + "(default 127.0.0.1; 0.0.0.0 for every interface)")
    String host;
    @Option(names = "--port", paramLabel = "N", description = "the HTTP port, TOLLGATE_PORT (default 8080)")
    String port;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "the decision log, policy store and locks, "
            + "TOLLGATE_DATA_DIR (default ./data)")
    String dataDir;
    @Option(names = "--policies", paramLabel = "DIR", description = "the Drools packs, TOLLGATE_POLICIES_DIR "
            + "(default ./policies)")
    String policies;
    @Option(names = "--config", paramLabel = "FILE", description = "application.yaml with your registry and "
            + "destinations, TOLLGATE_CONFIG (default: the embedded demo configuration)")
    Path configFile;
    @Option(names = "--engines", paramLabel = "LIST", description = "the policy engines, TOLLGATE_ENGINES: a comma "
            + "list of drools, rego-wasm, rego-remote (default drools,rego-wasm)")
    String engines;
    @Option(names = "--opa-url", paramLabel = "URL", description = "the OPA server rego-remote evaluates on, "
            + "TOLLGATE_OPA_URL")
    String opaUrl;
    @Option(names = "--slm-model", paramLabel = "FILE", description = "the on-device GGUF model, TOLLGATE_SLM_MODEL "
            + "(the ./tollgate script fetches SmolLM2-135M-Instruct)")
    String slmModel;
    @Option(names = "--store", paramLabel = "URL", description = "the shared store of several replicas, "
            + "TOLLGATE_STORE: postgresql://user:password@host:port/db (default: files in the data directory)")
    String store;
    @Option(names = "--replica-id", paramLabel = "ID", description = "this replica's stream in the shared store, "
            + "TOLLGATE_REPLICA_ID (default: the host name)")
    String replicaId;

    /** A bad value given as a flag is a usage error naming the flag, not the variable it stands for. */
    private RuntimeException asUsageError(ConfigException e, ParseResult given) {
        for (Map.Entry<String, String> flag : FLAGS.entrySet()) {
            String prefix = "environment " + flag.getValue() + ": ";
            if (given.hasMatchedOption(flag.getKey()) && e.getMessage().startsWith(prefix)) {
                return new ParameterException(spec.commandLine(),
                        flag.getKey() + ": " + e.getMessage().substring(prefix.length()));
            }
        }
        return e;
    }

    /** Returns -1: the server keeps the JVM alive. */
    @Override
    public Integer call() throws Exception {
        ParseResult given = spec.commandLine().getParseResult();
        Path file = Optional.ofNullable(configFile).or(() -> Optional.ofNullable(System.getenv("TOLLGATE_CONFIG"))
                .map(Path::of)).orElse(null);
        Map<String, String> overrides = new HashMap<>(System.getenv());
        FLAGS.forEach((flag, variable) -> {
            if (given.hasMatchedOption(flag)) {
                overrides.put(variable, given.matchedOptionValue(flag, ""));
            }
        });
        TollgateConfig config;
        try {
            config = TollgateConfig.load(file, overrides);
        } catch (ConfigException e) {
            throw asUsageError(e, given);
        }
        try {
            TollgateServer server = TollgateServer.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tollgate-shutdown"));
            return -1;
        } catch (DataDirLock.HeldException e) {
            System.err.println("tollgate: " + e.getMessage());
            return DATA_DIR_HELD;
        } catch (TollgateServer.NotListeningException e) {
            System.err.println("tollgate: " + e.getMessage());
            return NOT_LISTENING;
        } catch (PolicyLoadException e) {
            System.err.println("tollgate: policies could not be loaded:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 3;
        }
    }
}
