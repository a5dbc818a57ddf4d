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
public record TollgateConfig(Server server, String dataDir, Policies policies, Pii pii, Log log,
                             Decisions decisions, List<Destination> destinations, List<Application> applications) {

    public record Server(int port, long maxBodyBytes) {
    }

    /**
     * @param engines  which engines decide: "drools", "rego-wasm" (embedded), "rego-remote" (an OPA server)
     * @param regoDir  the OPA bundle directory, used by both Rego modes
     * @param opaUrl   the OPA server for "rego-remote"
     */
    public record Policies(List<String> engines, String droolsDir, String regoDir, String opaUrl, long opaTimeoutMs,
                           long reloadIntervalMs) {
        public Policies {
            engines = List.copyOf(engines);
        }

        Policies with(List<String> newEngines, String newDroolsDir, String newOpaUrl, long newReloadMs) {
            return new Policies(newEngines, newDroolsDir, regoDir, newOpaUrl, opaTimeoutMs, newReloadMs);
        }
    }

    /** @param mode "off", "advisory" (merged when it answers in time) or "required" (no answer: fail closed) */
    public record Presidio(String mode, String url, long timeoutMs) {
    }

    /** @param nerModel the trained OpenNLP NER model (scripts/train-ner.sh prints its path); empty: no NER */
    public record Pii(String nerModel, Presidio presidio) {
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

    /**
     * TOLLGATE_PORT, TOLLGATE_DATA_DIR, TOLLGATE_POLICIES_DIR, TOLLGATE_REGO_DIR, TOLLGATE_ENGINES (comma
     * separated), TOLLGATE_OPA_URL, TOLLGATE_NER_MODEL, TOLLGATE_PRESIDIO_MODE, TOLLGATE_PRESIDIO_URL and
     * TOLLGATE_POLICY_RELOAD_MS override the file.
     */
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
        if (env.containsKey("TOLLGATE_REGO_DIR")) {
            c = c.withPolicies(new Policies(c.policies.engines(), c.policies.droolsDir(), env.get("TOLLGATE_REGO_DIR"),
                    c.policies.opaUrl(), c.policies.opaTimeoutMs(), c.policies.reloadIntervalMs()));
        }
        if (env.containsKey("TOLLGATE_ENGINES")) {
            c = c.withEngines(List.of(env.get("TOLLGATE_ENGINES").split(",")));
        }
        if (env.containsKey("TOLLGATE_OPA_URL")) {
            c = c.withOpaUrl(env.get("TOLLGATE_OPA_URL"));
        }
        if (env.containsKey("TOLLGATE_NER_MODEL")) {
            c = new TollgateConfig(c.server, c.dataDir, c.policies, new Pii(env.get("TOLLGATE_NER_MODEL"),
                    c.pii.presidio()), c.log, c.decisions, c.destinations, c.applications);
        }
        if (env.containsKey("TOLLGATE_PRESIDIO_MODE") || env.containsKey("TOLLGATE_PRESIDIO_URL")) {
            Presidio p = c.pii.presidio();
            c = new TollgateConfig(c.server, c.dataDir, c.policies, new Pii(c.pii.nerModel(), new Presidio(
                    env.getOrDefault("TOLLGATE_PRESIDIO_MODE", p.mode()), env.getOrDefault("TOLLGATE_PRESIDIO_URL", p.url()),
                    p.timeoutMs())), c.log, c.decisions, c.destinations, c.applications);
        }
        if (env.containsKey("TOLLGATE_POLICY_RELOAD_MS")) {
            c = c.withPolicies(c.policies.with(c.policies.engines(), c.policies.droolsDir(), c.policies.opaUrl(),
                    Long.parseLong(env.get("TOLLGATE_POLICY_RELOAD_MS"))));
        }
        return c;
    }

    public TollgateConfig withPort(int port) {
        return new TollgateConfig(new Server(port, server.maxBodyBytes()), dataDir, policies, pii, log, decisions,
                destinations, applications);
    }

    public TollgateConfig withDataDir(String dir) {
        return new TollgateConfig(server, dir, policies, pii, log, decisions, destinations, applications);
    }

    public TollgateConfig withPoliciesDir(String dir) {
        return withPolicies(policies.with(policies.engines(), dir, policies.opaUrl(), policies.reloadIntervalMs()));
    }

    public TollgateConfig withEngines(List<String> engines) {
        return withPolicies(policies.with(engines.stream().map(String::trim).toList(), policies.droolsDir(),
                policies.opaUrl(), policies.reloadIntervalMs()));
    }

    public TollgateConfig withOpaUrl(String url) {
        return withPolicies(policies.with(policies.engines(), policies.droolsDir(), url, policies.reloadIntervalMs()));
    }

    public TollgateConfig withPolicies(Policies newPolicies) {
        return new TollgateConfig(server, dataDir, newPolicies, pii, log, decisions, destinations, applications);
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }
}
