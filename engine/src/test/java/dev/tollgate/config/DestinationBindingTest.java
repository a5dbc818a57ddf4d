package dev.tollgate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Destination overrides bind by id, whatever the catalog's order; country codes are read as written. */
class DestinationBindingTest {
    private static final String US_FIRST = """
            destinations:
              - id: cloud-us
                kind: cloud
                country: US
                provider: US cloud
                dpa_signed: true
                trains_on_data: false
                scc_signed: false
                dpf_certified: false
                endpoint: {base_url: "", model: m, api_key_env: TOLLGATE_CLOUD_US_KEY, timeout_ms: 1000, max_retries: 0}
              - id: cloud-eu
                kind: cloud
                country: IE
                provider: EU cloud
                dpa_signed: true
                trains_on_data: false
                scc_signed: false
                dpf_certified: false
                endpoint: {base_url: "", model: m, api_key_env: TOLLGATE_CLOUD_EU_KEY, timeout_ms: 1000, max_retries: 0}
              - id: slm-no
                kind: slm
                country: NO
                provider: on-device in Norway
                dpa_signed: true
                trains_on_data: false
                scc_signed: false
                dpf_certified: false
            applications: []
            """;

    @TempDir
    Path dir;

    private TollgateConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("catalog.yaml");
        Files.writeString(file, yaml);
        return TollgateConfig.load(file, env);
    }

    private static Destination destination(TollgateConfig config, String id) {
        return new DestinationCatalog(config.destinations()).byId(id).orElseThrow();
    }

    @Test
    void eachUrlReachesTheDestinationItNamesWhateverTheOrder() throws Exception {
        TollgateConfig config = load(US_FIRST, Map.of(
                "TOLLGATE_CLOUD_EU_URL", "https://eu.example/v1", "TOLLGATE_CLOUD_EU_MODEL", "eu-model",
                "TOLLGATE_CLOUD_US_URL", "https://us.example/v1"));
        assertEquals("https://eu.example/v1", destination(config, "cloud-eu").endpoint().baseUrl());
        assertEquals("eu-model", destination(config, "cloud-eu").endpoint().model());
        assertEquals("TOLLGATE_CLOUD_EU_KEY", destination(config, "cloud-eu").endpoint().apiKeyEnv());
        assertEquals("https://us.example/v1", destination(config, "cloud-us").endpoint().baseUrl());
        assertEquals("m", destination(config, "cloud-us").endpoint().model());
    }

    @Test
    void anUnquotedNoIsNorway() throws Exception {
        assertEquals("NO", destination(load(US_FIRST, Map.of()), "slm-no").country());
    }

    @Test
    void anOverrideForADestinationNotInTheCatalogStopsTheStart() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(US_FIRST, Map.of("TOLLGATE_CLOUD_MARS_URL", "https://mars.example/v1")));
        assertTrue(e.getMessage().startsWith("environment TOLLGATE_CLOUD_MARS_URL: /destinations: names no "
                + "destination of the catalog"), e.getMessage());
    }

    @Test
    void anOnDeviceDestinationTakesNoEndpoint() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(US_FIRST, Map.of("TOLLGATE_SLM_NO_URL", "https://x.example/v1")));
        assertTrue(e.getMessage().contains("destination slm-no is not of kind cloud"), e.getMessage());
    }

    @Test
    void theVariablePrefixComesFromTheId() {
        assertEquals("TOLLGATE_CLOUD_EU", DestinationOverrides.prefix("cloud-eu"));
        assertEquals("TOLLGATE_AZURE_WEST_2", DestinationOverrides.prefix("azure.west-2"));
    }
}
