package dev.tollgate.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.terms.WireValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
                             List<Application> applications, Audit audit, Store store, Logging logging) {

    /** @param host the address the service listens on: an IP literal or a host name */
    public record Server(String host, int port, long maxBodyBytes) {
    }

    /**
     * @param engines  which engines decide: "drools", "rego-wasm" (embedded), "rego-remote" (an OPA server)
     * @param regoDir  the OPA bundle directory, used by both Rego modes
     * @param opaUrl   the OPA server for "rego-remote"
     * @param intentModelBudgetMs the routing policy's latency budget for asking the on-device model the task of a
     *                 request the cheaper stages cannot settle (docs/classifiers.md); 0: never asked
     * @param allEnginesEvery with several engines, every n-th decision is evaluated by all of them and the others by
     *                 the first alone (1: all engines on every decision); see DecisionService
     * @param droolsThreads the platform threads Drools evaluates on for the requests (0: one per processor)
     */
    public record Policies(List<String> engines, String droolsDir, String regoDir, String opaUrl, long opaTimeoutMs,
                           long reloadIntervalMs, long intentModelBudgetMs, int allEnginesEvery, int droolsThreads) {
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

    /** The service's own log lines (not the decision log): plain text, or one JSON object a line. */
    public record Logging(LogFormat format) {
    }

    public enum LogFormat implements WireValue {
        TEXT, JSON
    }

    public record Decisions(long ttlSeconds) {
    }

    /**
     * Signed checkpoints of the decision log (docs/audit.md).
     *
     * @param checkpointEveryRecords a checkpoint after this many records at the latest
     * @param checkpointEverySeconds and after this many seconds at the latest, when records were added
     * @param signingKeyFile         the Ed25519 key (PKCS#8 PEM), outside the data directory; empty: the default
     *                               under ~/.config/tollgate (TOLLGATE_SIGNING_KEY, the PEM itself, wins over both)
     * @param auditorKeysSha256      SHA-256 (hex) of the keys with the role auditor: they read the audit API
     *                               (/v1/audit/*) and the console, and run replays and what-ifs; application keys may not
     * @param officerKeysSha256      SHA-256 (hex) of the keys with the role officer (a compliance officer): what an
     *                               auditor may, and upload a candidate policy for a what-if
     */
    public record Audit(long checkpointEveryRecords, long checkpointEverySeconds, String signingKeyFile,
                        List<String> auditorKeysSha256, List<String> officerKeysSha256) {
        public Audit {
            auditorKeysSha256 = List.copyOf(auditorKeysSha256);
            officerKeysSha256 = officerKeysSha256 == null ? List.of() : List.copyOf(officerKeysSha256);
        }
    }

    /**
     * The store replicas share (docs/shared-store.md).
     *
     * @param url       a libpq URI, {@code postgresql://user:password@host:port/db}; empty: the data directory's files
     * @param replicaId the id of this replica's stream in it; empty: the host name
     */
    public record Store(String url, String replicaId) {
        public boolean shared() {
            return !url.isBlank();
        }
    }

    /**
     * How decisions are carried out.
     *
     * @param defaultMaxTokens the answer length when the caller does not say
     * @param disclosure       the notice returned when policy obliges disclosing AI interaction (EU AI Act Art. 50)
     * @param slm              the on-device model
     * @param cloudCircuit     when a cloud destination counts as unreachable, and for how long
     * @param validationRetryMs how often the queued cloud validations are looked at, and the first wait after a
     *                          failed attempt
     * @param reviews          how answers held for human review are kept
     * @param validations      how long failed validations wait and when they are given up; how long corrections
     *                         are kept for their callers
     */
    public record Execution(int defaultMaxTokens, String disclosure, Slm slm, Circuit cloudCircuit,
                            long validationRetryMs, LatencyWindow latencyWindow, Reviews reviews,
                            Validations validations) {
    }

    /** Answers held for review are kept in memory for keepMs after they are held, at most capacity at once. */
    public record Reviews(long keepMs, int capacity) {
    }

    /**
     * @param maxAttempts        failed attempts after which a validation is set aside as failed
     * @param longestWaitMs      the wait between attempts doubles from validation_retry_ms up to this
     * @param correctionsKeptMs  how long a restored correction is held for its caller (in memory only)
     * @param correctionsKept    how many restored corrections (and masking sessions waiting to restore one) are held
     */
    public record Validations(int maxAttempts, long longestWaitMs, long correctionsKeptMs, int correctionsKept) {
    }

    /** Each destination's latency is observed over its last {@code calls} calls, none older than maxAgeMs. */
    public record LatencyWindow(int calls, long maxAgeMs) {
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

    private static final ObjectMapper BINDER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final String EMBEDDED = "application.yaml (embedded)";

    /**
     * Environment variable (or command-line flag, see ServeCommand) -> the setting it overrides. A cloud
     * destination's endpoint is overridden by its id: see {@link DestinationOverrides}.
     */
    public static final Map<String, String> OVERRIDES = Map.ofEntries(
            Map.entry("TOLLGATE_HOST", "/server/host"),
            Map.entry("TOLLGATE_PORT", "/server/port"),
            Map.entry("TOLLGATE_DATA_DIR", "/data_dir"),
            Map.entry("TOLLGATE_POLICIES_DIR", "/policies/drools_dir"),
            Map.entry("TOLLGATE_REGO_DIR", "/policies/rego_dir"),
            Map.entry("TOLLGATE_ENGINES", "/policies/engines"),
            Map.entry("TOLLGATE_OPA_URL", "/policies/opa_url"),
            Map.entry("TOLLGATE_POLICY_RELOAD_MS", "/policies/reload_interval_ms"),
            Map.entry("TOLLGATE_INTENT_MODEL_BUDGET_MS", "/policies/intent_model_budget_ms"),
            Map.entry("TOLLGATE_ALL_ENGINES_EVERY", "/policies/all_engines_every"),
            Map.entry("TOLLGATE_NER_MODEL", "/pii/ner_model"),
            Map.entry("TOLLGATE_PRESIDIO_MODE", "/pii/presidio/mode"),
            Map.entry("TOLLGATE_PRESIDIO_URL", "/pii/presidio/url"),
            Map.entry("TOLLGATE_DECISION_TTL_SECONDS", "/decisions/ttl_seconds"),
            Map.entry("TOLLGATE_SLM_MODEL", "/execution/slm/model"),
            Map.entry("TOLLGATE_VALIDATION_RETRY_MS", "/execution/validation_retry_ms"),
            Map.entry("TOLLGATE_VALIDATION_MAX_ATTEMPTS", "/execution/validations/max_attempts"),
            Map.entry("TOLLGATE_VALIDATION_LONGEST_WAIT_MS", "/execution/validations/longest_wait_ms"),
            Map.entry("TOLLGATE_LATENCY_WINDOW_MAX_AGE_MS", "/execution/latency_window/max_age_ms"),
            Map.entry("TOLLGATE_SIGNING_KEY_FILE", "/audit/signing_key_file"),
            Map.entry("TOLLGATE_CHECKPOINT_EVERY_RECORDS", "/audit/checkpoint_every_records"),
            Map.entry("TOLLGATE_CHECKPOINT_EVERY_SECONDS", "/audit/checkpoint_every_seconds"),
            Map.entry("TOLLGATE_STORE", "/store/url"),
            Map.entry("TOLLGATE_REPLICA_ID", "/store/replica_id"),
            Map.entry("TOLLGATE_LOG_FORMAT", "/logging/format"));

    /**
     * Loads the embedded default, with the given file (when not null) laid over it — mappings merge, lists and
     * values replace — then the overrides named in
     * {@link #OVERRIDES} and the destination overrides applied (comma-separated for TOLLGATE_ENGINES); other
     * entries are ignored.
     *
     * @throws ConfigException naming file and line (or variable), setting and problem, for any defect
     */
    public static TollgateConfig load(Path file, Map<String, String> overrides) throws IOException {
        YamlTree tree;
        try (InputStream in = TollgateConfig.class.getResourceAsStream("/application.yaml")) {
            tree = YamlTree.read(EMBEDDED, in);
        }
        if (file != null) {
            try (InputStream in = Files.newInputStream(file)) {
                tree.lay(YamlTree.read(file.toString(), in));
            } catch (NoSuchFileException e) {
                throw new ConfigException(file.toString(), "", "no such file");
            }
        }
        OVERRIDES.forEach((name, pointer) -> {
            String value = overrides.get(name);
            if (value != null) {
                override(tree.root(), JsonPointer.compile(pointer), value);
                tree.overridden(pointer, name);
            }
        });
        DestinationOverrides.apply(tree, overrides, OVERRIDES.keySet());
        TollgateConfig config = bind(tree);
        ConfigValidator.check(config, tree);
        return config;
    }

    private static TollgateConfig bind(YamlTree tree) {
        try {
            return BINDER.treeToValue(tree.root(), TollgateConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String pointer = pointer(e);
            throw new ConfigException(tree.where(pointer), pointer, "unknown setting; allowed here: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()));
        } catch (MismatchedInputException e) {
            String pointer = pointer(e);
            JsonNode value = tree.root().at(pointer);
            throw new ConfigException(tree.where(pointer), pointer, (value.isMissingNode() || value.isNull()
                    ? "is required" : "\"" + value.asText() + "\" is not allowed here")
                    + "; expected " + expected(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(tree.source(), "", e.getOriginalMessage());
        }
    }

    private static String pointer(MismatchedInputException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return pointer.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number" + (type == int.class || type == Integer.class ? " up to 2147483647" : "");
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum() && WireValue.class.isAssignableFrom(type)) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(value -> ((WireValue) value).wire()).toList());
        }
        return "a mapping of settings";
    }

    private static void override(ObjectNode tree, JsonPointer pointer, String value) {
        ObjectNode parent = tree;
        for (JsonPointer p = pointer; p.tail() != null && !p.tail().matches(); p = p.tail()) {
            String name = p.getMatchingProperty();
            parent = parent.get(name) instanceof ObjectNode child ? child : parent.putObject(name);
        }
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
