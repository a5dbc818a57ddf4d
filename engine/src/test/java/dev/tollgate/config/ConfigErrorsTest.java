package dev.tollgate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configuration defect stops the start with one line naming file and line, the setting, and what is allowed. */
class ConfigErrorsTest {
    @TempDir
    Path dir;

    private String error(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("tollgate.yaml");
        Files.writeString(file, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> TollgateConfig.load(file, env));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void anUnknownKeyNamesFileLineAndTheKeysAllowed() throws Exception {
        String message = error("""
                server:
                  port: 8080
                  max_body_byte: 10
                """, Map.of());
        assertTrue(message.startsWith(dir.resolve("tollgate.yaml") + ":3: /server/max_body_byte: unknown setting;"),
                message);
        assertTrue(message.contains("allowed here: host, max_body_bytes, port"), message);
    }

    @Test
    void aCountryThatIsNotIsoIsRefusedWithItsLine() throws Exception {
        String message = error("""
                destinations:
                  - id: slm-local
                    kind: slm
                    country: Germany
                    provider: p
                    dpa_signed: true
                    trains_on_data: false
                    scc_signed: false
                    dpf_certified: false
                """, Map.of());
        assertTrue(message.contains("tollgate.yaml:4: /destinations/0/country: \"Germany\" is not an ISO 3166-1"),
                message);
    }

    @Test
    void aNegativePriceOrBudgetIsRefusedWithItsLine() throws Exception {
        String price = error("""
                destinations:
                  - id: slm-local
                    kind: slm
                    country: DE
                    provider: p
                    dpa_signed: true
                    trains_on_data: false
                    scc_signed: false
                    dpf_certified: false
                    price: {input_per_1k: -0.1, output_per_1k: 0.2}
                """, Map.of());
        assertTrue(price.contains("/destinations/0/price/input_per_1k: must be 0 or more"), price);
        String budget = error("""
                applications:
                  - id: app
                    purpose: p
                    ai_act_use_case: none
                    tenant_residency: EU
                    controller_establishment: DE
                    permitted_destinations: [slm-local]
                    cloud_token_budget_monthly: -5
                    api_key_sha256: 597f113918bdc6dac3e33531cfa7f36adee40a6fafc32d0f5009dcd54d93cdde
                """, Map.of());
        assertTrue(budget.contains("tollgate.yaml:8: /applications/0/cloud_token_budget_monthly: must be 0 or more"),
                budget);
    }

    @Test
    void aWrongTypeSaysWhatIsExpected() throws Exception {
        String message = error("server:\n  port: eighty\n", Map.of());
        assertTrue(message.contains("tollgate.yaml:2: /server/port: \"eighty\" is not allowed here; expected a "
                + "whole number"), message);
        String yes = error("""
                destinations:
                  - id: slm-local
                    kind: slm
                    country: DE
                    dpa_signed: yes
                """, Map.of());
        assertTrue(yes.contains(":5: /destinations/0/dpa_signed: \"yes\" is not allowed here; expected true or false"),
                yes);
    }

    @Test
    void aNegativeIntentModelBudgetIsRefused() throws Exception {
        String message = error("policies:\n  intent_model_budget_ms: -5\n", Map.of());
        assertTrue(message.contains("tollgate.yaml:2: /policies/intent_model_budget_ms: must be 0 (off) or a positive "
                + "number of milliseconds"), message);
    }

    @Test
    void aNegativeNumberOfDroolsThreadsIsRefused() throws Exception {
        String message = error("policies:\n  drools_threads: -1\n", Map.of());
        assertTrue(message.contains("tollgate.yaml:2: /policies/drools_threads: must be 0 (one per processor) or a "
                + "positive number of threads"), message);
    }

    @Test
    void anUnknownDestinationKindNamesTheKinds() throws Exception {
        String message = error("""
                destinations:
                  - id: slm-local
                    kind: edge
                    country: DE
                """, Map.of());
        assertTrue(message.contains(":3: /destinations/0/kind: \"edge\" is not allowed here; expected one of slm, cloud"),
                message);
    }

    @Test
    void aMissingContractFieldIsRequired() throws Exception {
        String message = error("""
                destinations:
                  - id: slm-local
                    kind: slm
                    country: DE
                    provider: p
                """, Map.of());
        assertTrue(message.contains(":2: /destinations/0/dpa_signed: is required; expected true or false"), message);
    }

    @Test
    void anOverrideThatIsWrongNamesTheVariable() throws Exception {
        String message = error("data_dir: d\n", Map.of("TOLLGATE_PRESIDIO_MODE", "sometimes"));
        assertEquals("environment TOLLGATE_PRESIDIO_MODE: /pii/presidio/mode: \"sometimes\" is not allowed; "
                + "allowed: advisory, off, required", message);
    }

    @Test
    void anApplicationMayOnlyNameDestinationsOfTheCatalog() throws Exception {
        String message = error("""
                applications:
                  - id: app
                    purpose: p
                    ai_act_use_case: none
                    tenant_residency: EU
                    controller_establishment: DE
                    permitted_destinations: [slm-local, cloud-mars]
                    api_key_sha256: 597f113918bdc6dac3e33531cfa7f36adee40a6fafc32d0f5009dcd54d93cdde
                """, Map.of());
        assertTrue(message.contains(":7: /applications/0/permitted_destinations/1: \"cloud-mars\" is not in the "
                + "destinations catalog; allowed: cloud-eu, cloud-us, slm-local"), message);
    }

    @Test
    void aControllerEstablishmentMustBeAnIsoCountry() throws Exception {
        String application = """
                applications:
                  - id: app
                    purpose: p
                    ai_act_use_case: none
                    tenant_residency: NONE
                    %s
                    permitted_destinations: [slm-local]
                    api_key_sha256: 597f113918bdc6dac3e33531cfa7f36adee40a6fafc32d0f5009dcd54d93cdde
                """;
        String wrong = error(application.formatted("controller_establishment: EU"), Map.of());
        assertTrue(wrong.contains(":6: /applications/0/controller_establishment: \"EU\" is not an ISO 3166-1 alpha-2 "
                + "country code; allowed: the country where the controller is established, such as DE, IE, US"), wrong);
        String missing = error(application.formatted(""), Map.of());
        assertTrue(missing.contains(":2: /applications/0/controller_establishment: is required; allowed: the country "
                + "where the controller is established"), missing);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "latency_sla_ms: 0 | /applications/0/latency_sla_ms: must be a number of milliseconds above 0",
            "validation_webhook: ftp://hooks.example/x | /applications/0/validation_webhook: must be an absolute http",
            "validation_webhook: /hooks/x | /applications/0/validation_webhook: must be an absolute http"})
    void anApplicationSettingOutOfRangeIsNamed(String setting, String expected) throws Exception {
        String message = error("""
                applications:
                  - id: app
                    purpose: p
                    ai_act_use_case: none
                    tenant_residency: NONE
                    controller_establishment: DE
                    permitted_destinations: [slm-local]
                    %s
                    api_key_sha256: 597f113918bdc6dac3e33531cfa7f36adee40a6fafc32d0f5009dcd54d93cdde
                """.formatted(setting), Map.of());
        assertTrue(message.contains(expected), message);
    }

    private static final String KEYED_APPLICATION = """
            applications:
              - id: app
                purpose: p
                ai_act_use_case: none
                tenant_residency: NONE
                controller_establishment: DE
                permitted_destinations: [slm-local]
            %s""";
    private static final String DIGEST = "597f113918bdc6dac3e33531cfa7f36adee40a6fafc32d0f5009dcd54d93cdde";

    /** The error of an application with these two keys (lines 9 and 10). */
    private String twoKeys(String firstDigest, String firstRole, String secondDigest, String secondRole)
            throws Exception {
        return error(KEYED_APPLICATION.formatted("""
                    api_keys:
                      - {sha256: %s, role: %s}
                      - {sha256: %s, role: %s}
                """.formatted(firstDigest, firstRole, secondDigest, secondRole)), Map.of());
    }

    @Test
    void aKeyMayOnlyBeBoundToAKnownRole() throws Exception {
        String wrong = twoKeys(DIGEST, "staff", DIGEST.replace('5', '6'), "admin");
        assertTrue(wrong.contains(":10: /applications/0/api_keys/1/role: \"admin\" is not allowed; allowed: public, "
                + "reviewer, staff"), wrong);
        String missing = error(KEYED_APPLICATION.formatted("    api_keys: [{sha256: %s}]\n".formatted(DIGEST)), Map.of());
        assertTrue(missing.contains("/applications/0/api_keys/0/role: is required; allowed: public, reviewer, staff"), missing);
        String perApplication = error(KEYED_APPLICATION.formatted("    caller_role: public\n    api_key_sha256: %s\n"
                .formatted(DIGEST)), Map.of());
        assertTrue(perApplication.contains(":8: /applications/0/caller_role: unknown setting"), perApplication);
    }

    @Test
    void anApplicationGivesItsKeysInOneFormAndEveryKeyOnce() throws Exception {
        String both = error(KEYED_APPLICATION.formatted("""
                    api_key_sha256: %s
                    api_keys: [{sha256: %s, role: public}]
                """.formatted(DIGEST, DIGEST)), Map.of());
        assertTrue(both.contains(":9: /applications/0/api_keys: give either api_key_sha256 (one key, role staff) or "
                + "api_keys, not both"), both);
        String none = error(KEYED_APPLICATION.formatted(""), Map.of());
        assertTrue(none.contains("/applications/0/api_keys: is required; allowed: a list of keys bound to roles"), none);
        String twice = twoKeys(DIGEST, "staff", DIGEST, "public");
        assertTrue(twice.contains(":10: /applications/0/api_keys/1/sha256: this key is already registered; a key "
                + "belongs to one application and one role"), twice);
        String malformed = error(KEYED_APPLICATION.formatted("    api_keys: [{sha256: demo-app, role: staff}]\n"),
                Map.of());
        assertTrue(malformed.contains("/applications/0/api_keys/0/sha256: must be the key's SHA-256 as 64 lower-case "
                + "hex digits"), malformed);
    }

    @Test
    void humanOversightIsFlagOrHoldAndAHoldNeedsAReviewerKey() throws Exception {
        String unknown = error(KEYED_APPLICATION.formatted("    human_oversight: review\n    api_key_sha256: %s\n"
                .formatted(DIGEST)), Map.of());
        assertTrue(unknown.contains(":8: /applications/0/human_oversight: \"review\" is not allowed; allowed: flag, hold"),
                unknown);
        String noReviewer = error(KEYED_APPLICATION.formatted("    human_oversight: hold\n    api_key_sha256: %s\n"
                .formatted(DIGEST)), Map.of());
        assertTrue(noReviewer.contains(":8: /applications/0/human_oversight: hold needs a key with the role reviewer"),
                noReviewer);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> TollgateConfig.load(missing, Map.of()));
        assertEquals(missing + ": /: no such file", e.getMessage());
    }
}
