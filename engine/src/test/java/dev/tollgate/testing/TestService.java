package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.policy.PolicyFiles;
import dev.tollgate.server.InProcessService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real Tollgate service on a free loopback port with its own data directory, for tests over HTTP. */
public final class TestService implements AutoCloseable {
    public static final Path ROOT = Path.of(System.getProperty("tollgate.root", "..")).toAbsolutePath().normalize();
    public static final Path POLICIES = ROOT.resolve("policies");
    public static final Path REGO_BUNDLE = ROOT.resolve("opa-bundles/tollgate");

    public static final String CLAIMS_KEY = "demo-claims-assistant";

    private final InProcessService service;
    private final Path dataDir;

    private TestService(InProcessService service, Path dataDir) {
        this.service = service;
        this.dataDir = dataDir;
    }

    public static TestService start() {
        return start(POLICIES, null);
    }

    public static TestService start(Path policies) {
        return start(policies, null);
    }

    /** @param engines the engine modes to run ("drools", "rego-wasm", "rego-remote"), or null for the default */
    public static TestService start(Path policies, List<String> engines) {
        return start(policies, engines, Map.of());
    }

    /**
     * @param environment configuration overrides as the service reads them from its environment; TOLLGATE_CONFIG
     *                    names a configuration file laid over the embedded one
     */
    public static TestService start(Path policies, List<String> engines, Map<String, String> environment) {
        return start(policies, engines, environment, Clock.systemUTC());
    }

    /** @param clock the service's clock: a {@link MutableClock} lets a test move the time on without waiting */
    public static TestService start(Path policies, List<String> engines, Map<String, String> environment,
                                    Clock clock) {
        try {
            // A data directory the test names (to restart on it) is the one the test service reads.
            Path data = environment.containsKey("TOLLGATE_DATA_DIR") ? Path.of(environment.get("TOLLGATE_DATA_DIR"))
                    : Files.createTempDirectory("tollgate-test-data");
            Map<String, String> env = new HashMap<>(Map.of(
                    "TOLLGATE_PORT", "0",
                    "TOLLGATE_DATA_DIR", data.toString(),
                    "TOLLGATE_POLICIES_DIR", policies.toString(),
                    "TOLLGATE_POLICY_RELOAD_MS", "200",
                    // Tests see every engine's verdict on every decision unless they ask for sampling.
                    "TOLLGATE_ALL_ENGINES_EVERY", "1",
                    "TOLLGATE_REGO_DIR", REGO_BUNDLE.toString(),
                    "TOLLGATE_NER_MODEL", NerModelCache.modelFile(ROOT).toString()));
            if (engines != null) {
                env.put("TOLLGATE_ENGINES", String.join(",", engines));
            }
            // The signing key's default place (the build points it into target/): where verify, reading the real
            // environment, looks for its public key.
            Optional.ofNullable(System.getenv("XDG_CONFIG_HOME")).ifPresent(home -> env.put("XDG_CONFIG_HOME", home));
            env.putAll(environment);
            return new TestService(InProcessService.start(env, OpaServer::binary, clock), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The on-device model the test command fetched (scripts/slm-model.sh), for tests that execute decisions. */
    public static String slmModel() {
        String model = System.getenv("TOLLGATE_SLM_MODEL");
        if (model == null || model.isBlank()) {
            throw new IllegalStateException("TOLLGATE_SLM_MODEL is not set: run ./tollgate test, or export the path "
                    + "scripts/slm-model.sh prints");
        }
        return model;
    }

    /** Copies the shipped Drools packs into target, for tests that change them. */
    public static Path copyPolicies(Path target) throws IOException {
        for (Path file : PolicyFiles.list(POLICIES)) {
            Files.createDirectories(target.resolve(file).getParent());
            Files.copy(POLICIES.resolve(file), target.resolve(file));
        }
        return target;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return service.port();
    }

    /** Records in the decision log: what a request that changes nothing must leave as it was. */
    public long logRecords() {
        return LoggedRecords.entries(log()).size();
    }

    /** The records of a type ("execution", "validation", ...) in the decision log, oldest first. */
    public List<JsonNode> records(String type) {
        return LoggedRecords.ofType(log(), type);
    }

    /** The decision log's directory. */
    public Path log() {
        return dataDir.resolve("log");
    }

    /** The first record of a type for a decision, or null while the log has none. */
    public JsonNode record(String type, String decisionId) {
        return records(type).stream().filter(r -> decisionId.equals(r.path("decision_id").asText())).findFirst()
                .orElse(null);
    }

    public URI uri(String path) {
        return service.uri(path);
    }

    public HttpResponse<String> decide(String apiKey, String json) {
        return post("/v1/decide", apiKey, json);
    }

    public HttpResponse<String> execute(String apiKey, String json) {
        return post("/v1/execute", apiKey, json);
    }

    public HttpResponse<String> post(String path, String apiKey, String json) {
        return service.post(path, apiKey, json);
    }

    public HttpResponse<String> send(HttpRequest request) {
        return service.send(request);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    @Override
    public void close() {
        service.close();
        StoppedServerTimers.cancel();
    }
}
