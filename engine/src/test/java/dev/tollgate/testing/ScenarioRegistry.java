package dev.tollgate.testing;

import dev.tollgate.cli.policy.ScenarioService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The registry and catalog the scenarios run against: the demo ones with features/registry.yaml added (a file
 * laid over the configuration replaces lists, so the two are joined here).
 */
public final class ScenarioRegistry {
    /** The key of features/registry.yaml's bank assistant, approved to send regulated data to cloud-eu, masked. */
    public static final String BANK_KEY = "demo-bank-assistant";

    private ScenarioRegistry() {
    }

    /** The environment that starts a service on it: TOLLGATE_CONFIG naming the joined configuration. */
    public static Map<String, String> environment() {
        try {
            Path file = Files.createTempFile("tollgate-scenarios", ".yaml");
            file.toFile().deleteOnExit();
            ScenarioService.joinedRegistry(TestService.ROOT.resolve("features/registry.yaml"), file);
            return Map.of("TOLLGATE_CONFIG", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
