package dev.tollgate.cli;

import dev.tollgate.TollgateServer;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.policy.PolicyLoadException;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Starts the service and keeps it running until the process is stopped. */
final class ServeCommand {
    private ServeCommand() {
    }

    /** Returns -1: the server keeps the JVM alive. */
    static int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--port", "--data-dir", "--policies", "--config", "--engines", "--opa-url"),
                Set.of());
        Path file = args.get("--config").or(() -> java.util.Optional.ofNullable(System.getenv("TOLLGATE_CONFIG")))
                .map(Path::of).orElse(null);
        TollgateConfig config = TollgateConfig.load(file, System.getenv());
        if (args.get("--port").isPresent()) {
            config = config.withPort(Integer.parseInt(args.get("--port").get()));
        }
        if (args.get("--data-dir").isPresent()) {
            config = config.withDataDir(args.get("--data-dir").get());
        }
        if (args.get("--policies").isPresent()) {
            config = config.withPoliciesDir(args.get("--policies").get());
        }
        if (args.get("--engines").isPresent()) {
            config = config.withEngines(List.of(args.get("--engines").get().split(",")));
        }
        if (args.get("--opa-url").isPresent()) {
            config = config.withOpaUrl(args.get("--opa-url").get());
        }
        try {
            TollgateServer server = TollgateServer.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tollgate-shutdown"));
            return -1;
        } catch (PolicyLoadException e) {
            System.err.println("tollgate: policies could not be loaded:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 3;
        }
    }
}
