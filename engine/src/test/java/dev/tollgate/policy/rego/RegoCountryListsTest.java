package dev.tollgate.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.config.CountryCodes;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Rego bundle's reference lists (data.json) are the Drools packs' (policies/&#42;/reference.json), list for list:
 * the two copies cannot drift apart. Its country lists hold only codes that exist.
 */
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

    @Test
    void everyListOfEveryPackIsTheBundlesListOfTheSameNameAndTheBundleHasNoOther() throws Exception {
        JsonNode rego = Json.MAPPER.readTree(TestService.REGO_BUNDLE.resolve("data.json").toFile())
                .path("tollgate").path("reference");
        Map<String, List<String>> packs = new TreeMap<>();
        try (Stream<Path> files = Files.list(TestService.POLICIES)) {
            for (Path reference : files.map(pack -> pack.resolve("reference.json")).filter(Files::isRegularFile)
                    .toList()) {
                Json.MAPPER.readTree(reference.toFile()).path("sets").fields().forEachRemaining(
                        set -> assertNull(packs.put(set.getKey(), sorted(set.getValue())), set.getKey() + " twice"));
            }
        }
        Map<String, List<String>> bundle = new TreeMap<>();
        rego.fields().forEachRemaining(set -> bundle.put(set.getKey(), sorted(set.getValue())));
        assertTrue(packs.size() >= 7, "the packs' lists: " + packs.keySet());
        assertEquals(packs, bundle);
    }

    private static List<String> sorted(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(value -> values.add(value.asText()));
        return values.stream().sorted().toList();
    }
}
