package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tollgate.config.TollgateConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The registry and catalog the scenarios run against: the demo ones with features/registry.yaml added (a file
 * laid over the configuration replaces lists, so the two are joined here).
 */
public final class ScenarioRegistry {
    /** The key of features/registry.yaml's bank assistant, approved to send regulated data to cloud-eu, masked. */
    public static final String BANK_KEY = "demo-bank-assistant";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ScenarioRegistry() {
    }

    /** The environment that starts a service on it: TOLLGATE_CONFIG naming the joined configuration. */
    public static Map<String, String> environment() {
        try (InputStream embedded = TollgateConfig.class.getResourceAsStream("/application.yaml")) {
            JsonNode demo = YAML.readTree(embedded);
            JsonNode added = YAML.readTree(TestService.ROOT.resolve("features/registry.yaml").toFile());
            ObjectNode joined = YAML.createObjectNode();
            for (String list : List.of("destinations", "applications")) {
                joined.putArray(list).addAll((ArrayNode) demo.get(list)).addAll((ArrayNode) added.get(list));
            }
            Path file = Files.createTempFile("tollgate-scenarios", ".yaml");
            file.toFile().deleteOnExit();
            YAML.writeValue(file.toFile(), joined);
            return Map.of("TOLLGATE_CONFIG", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
