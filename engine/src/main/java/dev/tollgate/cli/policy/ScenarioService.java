package dev.tollgate.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.policy.rego.OpaBinary;
import dev.tollgate.server.InProcessService;
import dev.tollgate.server.PolicyEngines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private final InProcessService service;
    private final Path dataDir;

    private ScenarioService(InProcessService service, Path dataDir) {
        this.service = service;
        this.dataDir = dataDir;
    }

    /** @param nerModel the trained NER model (scripts/train-ner.sh prints its path); null: no NER */
    public static ScenarioService start(PolicyCopy copy, PolicyEngines mode, Path nerModel) {
        Path data = null;
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
            return new ScenarioService(InProcessService.start(env, OpaBinary::locate), data);
        } catch (Exception e) {
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
        return service.post("/v1/decide", apiKey, json);
    }

    @Override
    public void close() {
        service.close();
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
