package dev.tollgate.facts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.classify.CategoryResolver;
import dev.tollgate.config.ApiKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/facts.schema.json and the JSON that Json.MAPPER makes of a Facts must name the same properties. */
class FactsSchemaTest {
    private static JsonNode schema;

    @BeforeAll
    static void readSchema() throws IOException {
        Path file = Path.of(System.getProperty("tollgate.root", ".."), "docs", "facts.schema.json");
        schema = Json.MAPPER.readTree(file.toFile());
    }

    private static Facts sample() {
        return new Facts(
                new RequestFacts("claims-assistant", "staff", "claims_handling", "none", "EU", "DE", "summarize", 412, "deu", 2, 800, true),
                new SubjectFacts("DE"),
                new DataFacts(true, List.of("EMAIL_ADDRESS", "PERSON"),
                        List.of(new EntityCount("EMAIL_ADDRESS", 1), new EntityCount("PERSON", 2)),
                        List.of("confidential_business", "health", "phi"), true, List.of("finance")),
                List.of(new DestinationFacts("slm-local", "slm", "DE", "tollgate", true, false, false, false, true, true, false, false),
                        new DestinationFacts("cloud-eu", "cloud", "IE", "example-llm", true, false, true, false, true, false, false, false)),
                new ContentFacts(List.of("social_scoring"), "reasoning"));
    }

    @Test
    void describesEveryPropertyTheMapperWritesAndTheMapperWritesEveryRequiredOne() {
        JsonNode facts = Json.MAPPER.valueToTree(sample());
        List<String> problems = new ArrayList<>();
        compare(facts, schema, "$", problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void everySchemaPropertyHasADescription() {
        List<String> missing = new ArrayList<>();
        findUndescribed(schema, "$", missing);
        assertEquals(List.of(), missing);
    }

    @Test
    void closedSetsAreEnumerated() {
        JsonNode categories = resolve(schema.at("/properties/data/properties/categories/items"));
        List<String> enumerated = new ArrayList<>();
        categories.get("enum").forEach(value -> enumerated.add(value.asText()));
        assertEquals(List.copyOf(CategoryResolver.CATEGORIES), enumerated);

        List<String> roles = new ArrayList<>();
        schema.at("/properties/request/properties/role/enum").forEach(value -> roles.add(value.asText()));
        assertEquals(ApiKey.ROLES, roles);
        assertTrue(ApiKey.ROLES.contains(RequestFacts.ROLE_BEFORE_ROLES), "a role missing on replay is a real role");

        JsonNode kind = schema.at("/$defs/destination/properties/kind/enum");
        assertEquals(List.of("slm", "cloud"), List.of(kind.get(0).asText(), kind.get(1).asText()));
        assertTrue(schema.at("/$schema").asText().contains("2020-12"));
    }

    private static void compare(JsonNode json, JsonNode schemaNode, String path, List<String> problems) {
        JsonNode node = resolve(schemaNode);
        if (json.isObject()) {
            JsonNode properties = node.path("properties");
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                if (!properties.has(field.getKey())) {
                    problems.add(path + "." + field.getKey() + " is written but not in the schema");
                } else {
                    compare(field.getValue(), properties.get(field.getKey()), path + "." + field.getKey(), problems);
                }
            }
            for (JsonNode required : node.path("required")) {
                if (!json.has(required.asText())) {
                    problems.add(path + "." + required.asText() + " is required but not written");
                }
            }
        } else if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                compare(json.get(i), node.path("items"), path + "[" + i + "]", problems);
            }
        }
    }

    private static void findUndescribed(JsonNode node, String path, List<String> missing) {
        JsonNode properties = node.path("properties");
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            String at = path + "." + field.getKey();
            if (!field.getValue().hasNonNull("description")) {
                missing.add(at);
            }
            findUndescribed(field.getValue(), at, missing);
        }
        for (Map.Entry<String, JsonNode> def : node.path("$defs").properties()) {
            findUndescribed(def.getValue(), "#/$defs/" + def.getKey(), missing);
        }
    }

    /** Follows a local {@code $ref} such as {@code #/$defs/destination}. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : schema.at(ref.asText().substring(1));
    }
}
