package dev.tollgate.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.policy.rego.LocalOpaServer;
import dev.tollgate.policy.rego.OpaBinary;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.server.TollgateServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Tollgate service on a free loopback port, deciding with one engine mode on a policy copy, with the
 * registry the scenarios name (the demo one and features/registry.yaml), its own data directory and signing key
 * (both removed on close), and for rego-remote its own OPA server on the copy's bundle.
 */
public final class ScenarioService implements AutoCloseable {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final TollgateServer server;
    private final LocalOpaServer opa;
    private final Path dataDir;
    private final HttpClient client = HttpClient.newHttpClient();

    private ScenarioService(TollgateServer server, LocalOpaServer opa, Path dataDir) {
        this.server = server;
        this.opa = opa;
        this.dataDir = dataDir;
    }

    /** @param nerModel the trained NER model (scripts/train-ner.sh prints its path); null: no NER */
    public static ScenarioService start(PolicyCopy copy, PolicyEngines mode, Path nerModel) {
        Path data = null;
        LocalOpaServer opa = null;
        try {
            data = Files.createTempDirectory("tollgate-scenarios");
            Map<String, String> env = new HashMap<>(Map.of(
                    "TOLLGATE_PORT", "0",
                    "TOLLGATE_DATA_DIR", data.resolve("data").toString(),
                    "TOLLGATE_SIGNING_KEY_FILE", data.resolve("checkpoint-key.pem").toString(),
                    "TOLLGATE_POLICIES_DIR", copy.droolsDir().toString(),
                    "TOLLGATE_REGO_DIR", copy.regoDir().toString(),
                    "TOLLGATE_ENGINES", mode.mode(),
                    "TOLLGATE_CONFIG", joinedRegistry(copy.featuresDir().resolve("registry.yaml"),
                            data.resolve("scenarios.yaml")).toString()));
            if (nerModel != null) {
                env.put("TOLLGATE_NER_MODEL", nerModel.toString());
            }
            if (mode == PolicyEngines.REGO_REMOTE) {
                opa = LocalOpaServer.start(OpaBinary.locate(), copy.regoDir());
                env.put("TOLLGATE_OPA_URL", opa.url().toString());
            }
            TollgateConfig config = TollgateConfig.load(Path.of(env.get("TOLLGATE_CONFIG")), env);
            return new ScenarioService(TollgateServer.start(config, env::get), opa, data);
        } catch (Exception e) {
            if (opa != null) {
                opa.close();
            }
            delete(data);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /**
     * The embedded configuration's destinations and applications with those of the scenarios' registry added,
     * written to target: a file laid over the configuration replaces lists, so the two are joined here.
     */
    public static Path joinedRegistry(Path registry, Path target) {
        try (InputStream embedded = TollgateConfig.class.getResourceAsStream("/application.yaml")) {
            JsonNode demo = YAML.readTree(embedded);
            JsonNode added = YAML.readTree(registry.toFile());
            ObjectNode joined = YAML.createObjectNode();
            for (String list : List.of("destinations", "applications")) {
                joined.putArray(list).addAll((ArrayNode) demo.get(list)).addAll((ArrayNode) added.get(list));
            }
            YAML.writeValue(target.toFile(), joined);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> decide(String apiKey, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/decide"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        if (opa != null) {
            opa.close();
        }
        delete(dataDir);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
