package dev.tollgate.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.config.CountryCodes;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Rego bundle's country lists hold only codes that exist, the same lists as the Drools pack's. */
class RegoCountryListsTest {
    @Test
    void theBundlesEeaAndAdequacyListsAreIsoCodesAndMatchTheDroolsPack() throws Exception {
        JsonNode rego = Json.MAPPER.readTree(TestService.REGO_BUNDLE.resolve("data.json").toFile())
                .path("tollgate").path("reference");
        JsonNode drools = Json.MAPPER.readTree(TestService.POLICIES.resolve("data-residency/reference.json")
                .toFile()).path("sets");
        for (String set : List.of("eea", "adequacy")) {
            List<String> codes = new ArrayList<>();
            rego.path(set).forEach(code -> codes.add(code.asText()));
            assertTrue(codes.size() > 5, set + " is in the bundle");
            codes.forEach(code -> assertTrue(CountryCodes.isAssigned(code), set + " holds " + code));
            List<String> droolsCodes = new ArrayList<>();
            drools.path(set).forEach(code -> droolsCodes.add(code.asText()));
            assertEquals(droolsCodes.stream().sorted().toList(), codes.stream().sorted().toList(), set);
        }
    }
}
