package dev.tollgate.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TollgateConfigTest {
    @Test
    void theEmbeddedDefaultsServeTheDemo() throws Exception {
        TollgateConfig config = TollgateConfig.load(null, Map.of());
        assertEquals(8080, config.server().port());
        assertEquals(List.of("drools", "rego-wasm"), config.policies().engines());
        assertEquals("off", config.pii().presidio().mode());
        assertEquals(List.of("slm-local", "cloud-eu", "cloud-us"),
                config.destinations().stream().map(Destination::id).toList());
    }

    @Test
    void overridesReplaceExactlyTheSettingsTheyName() throws Exception {
        TollgateConfig config = TollgateConfig.load(null, Map.of(
                "TOLLGATE_PORT", "9090",
                "TOLLGATE_ENGINES", "drools, rego-remote",
                "TOLLGATE_PRESIDIO_MODE", "required",
                "TOLLGATE_POLICY_RELOAD_MS", "250",
                "UNRELATED", "ignored"));
        assertEquals(9090, config.server().port());
        assertEquals(List.of("drools", "rego-remote"), config.policies().engines());
        assertEquals(250, config.policies().reloadIntervalMs());
        assertEquals("required", config.pii().presidio().mode());
        assertEquals("http://127.0.0.1:3000", config.pii().presidio().url());
        assertEquals("policies", config.policies().droolsDir());
    }
}
