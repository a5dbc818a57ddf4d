package dev.tollgate.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Service configuration: application.yaml (embedded default, or the file named by --config or
 * TOLLGATE_CONFIG), then environment overrides, then command-line flags (which override the same settings).
 */
public record TollgateConfig(Server server, String dataDir, Policies policies, Pii pii, Log log,
                             Decisions decisions, Execution execution, List<Destination> destinations,
                             List<Application> applications) {

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

    /**
     * How decisions are carried out.
     *
     * @param defaultMaxTokens the answer length when the caller does not say
     * @param disclosure       the notice returned when policy obliges disclosing AI interaction (EU AI Act Art. 50)
     * @param slm              the on-device model
     * @param cloudCircuit     when a cloud destination counts as unreachable, and for how long
     * @param validationRetryMs how often queued cloud validations are retried while the cloud is unreachable
     */
    public record Execution(int defaultMaxTokens, String disclosure, Slm slm, Circuit cloudCircuit,
                            long validationRetryMs) {
    }

    /**
     * @param model         GGUF file; empty: no on-device model (./tollgate fetches SmolLM2-135M-Instruct)
     * @param threads       1 answers faster than 2 on a two-core machine that also runs the service (docs/slm.md)
     * @param queueCapacity requests waiting for the model before new ones are refused; one request runs at a time
     */
    public record Slm(String model, int contextSize, int threads, int queueCapacity,
                      long queueTimeoutMs) {
    }

    /** @param failureThreshold consecutive failures that open the circuit for openMs */
    public record Circuit(int failureThreshold, long openMs) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Environment variable (or command-line flag, see ServeCommand) -> the setting it overrides. */
    public static final Map<String, String> OVERRIDES = Map.ofEntries(
            Map.entry("TOLLGATE_PORT", "/server/port"),
            Map.entry("TOLLGATE_DATA_DIR", "/data_dir"),
            Map.entry("TOLLGATE_POLICIES_DIR", "/policies/drools_dir"),
            Map.entry("TOLLGATE_REGO_DIR", "/policies/rego_dir"),
            Map.entry("TOLLGATE_ENGINES", "/policies/engines"),
            Map.entry("TOLLGATE_OPA_URL", "/policies/opa_url"),
            Map.entry("TOLLGATE_POLICY_RELOAD_MS", "/policies/reload_interval_ms"),
            Map.entry("TOLLGATE_NER_MODEL", "/pii/ner_model"),
            Map.entry("TOLLGATE_PRESIDIO_MODE", "/pii/presidio/mode"),
            Map.entry("TOLLGATE_PRESIDIO_URL", "/pii/presidio/url"),
            Map.entry("TOLLGATE_DECISION_TTL_SECONDS", "/decisions/ttl_seconds"),
            Map.entry("TOLLGATE_SLM_MODEL", "/execution/slm/model"),
            Map.entry("TOLLGATE_VALIDATION_RETRY_MS", "/execution/validation_retry_ms"),
            Map.entry("TOLLGATE_CLOUD_EU_URL", "/destinations/1/endpoint/base_url"),
            Map.entry("TOLLGATE_CLOUD_EU_MODEL", "/destinations/1/endpoint/model"),
            Map.entry("TOLLGATE_CLOUD_US_URL", "/destinations/2/endpoint/base_url"),
            Map.entry("TOLLGATE_CLOUD_US_MODEL", "/destinations/2/endpoint/model"));

    /**
     * Loads the given file, or the embedded default when file is null, with the overrides named in
     * {@link #OVERRIDES} applied (comma-separated for TOLLGATE_ENGINES); other entries are ignored.
     */
    public static TollgateConfig load(Path file, Map<String, String> overrides) throws IOException {
        ObjectNode tree;
        if (file != null) {
            tree = (ObjectNode) YAML.readTree(file.toFile());
        } else {
            try (InputStream in = TollgateConfig.class.getResourceAsStream("/application.yaml")) {
                tree = (ObjectNode) YAML.readTree(in);
            }
        }
        OVERRIDES.forEach((name, pointer) -> {
            String value = overrides.get(name);
            if (value != null) {
                override(tree, JsonPointer.compile(pointer), value);
            }
        });
        return YAML.treeToValue(tree, TollgateConfig.class);
    }

    private static void override(ObjectNode tree, JsonPointer pointer, String value) {
        ObjectNode parent = (ObjectNode) tree.at(pointer.head());
        String field = pointer.last().getMatchingProperty();
        if (field.equals("engines")) {
            ArrayNode engines = parent.putArray(field);
            Arrays.stream(value.split(",")).map(String::trim).forEach(engines::add);
        } else {
            parent.put(field, value);
        }
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }
}
