package dev.tollgate.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Service configuration: application.yaml (embedded default, or the file named by --config or
 * TOLLGATE_CONFIG), then environment overrides, then command-line flags.
 */
public record TollgateConfig(Server server, String dataDir, Policies policies, Log log, Decisions decisions,
                             List<Destination> destinations, List<Application> applications) {

    public record Server(int port, long maxBodyBytes) {
    }

    public record Policies(String droolsDir, long reloadIntervalMs) {
    }

    public record Log(long segmentBytes) {
    }

    public record Decisions(long ttlSeconds) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Loads the given file, or the embedded default when file is null, and applies the environment. */
    public static TollgateConfig load(Path file, Map<String, String> env) throws IOException {
        TollgateConfig config;
        if (file != null) {
            config = YAML.readValue(file.toFile(), TollgateConfig.class);
        } else {
            try (InputStream in = TollgateConfig.class.getResourceAsStream("/application.yaml")) {
                config = YAML.readValue(in, TollgateConfig.class);
            }
        }
        return config.withEnvironment(env);
    }

    /** TOLLGATE_PORT, TOLLGATE_DATA_DIR, TOLLGATE_POLICIES_DIR, TOLLGATE_POLICY_RELOAD_MS override the file. */
    public TollgateConfig withEnvironment(Map<String, String> env) {
        TollgateConfig c = this;
        if (env.containsKey("TOLLGATE_PORT")) {
            c = c.withPort(Integer.parseInt(env.get("TOLLGATE_PORT")));
        }
        if (env.containsKey("TOLLGATE_DATA_DIR")) {
            c = c.withDataDir(env.get("TOLLGATE_DATA_DIR"));
        }
        if (env.containsKey("TOLLGATE_POLICIES_DIR")) {
            c = c.withPoliciesDir(env.get("TOLLGATE_POLICIES_DIR"));
        }
        if (env.containsKey("TOLLGATE_POLICY_RELOAD_MS")) {
            c = new TollgateConfig(c.server, c.dataDir, new Policies(c.policies.droolsDir(),
                    Long.parseLong(env.get("TOLLGATE_POLICY_RELOAD_MS"))), c.log, c.decisions, c.destinations,
                    c.applications);
        }
        return c;
    }

    public TollgateConfig withPort(int port) {
        return new TollgateConfig(new Server(port, server.maxBodyBytes()), dataDir, policies, log, decisions,
                destinations, applications);
    }

    public TollgateConfig withDataDir(String dir) {
        return new TollgateConfig(server, dir, policies, log, decisions, destinations, applications);
    }

    public TollgateConfig withPoliciesDir(String dir) {
        return new TollgateConfig(server, dataDir, new Policies(dir, policies.reloadIntervalMs()), log, decisions,
                destinations, applications);
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }
}
