package dev.tollgate.execute.slm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of JSON Schema the on-device model's grammar is built from. llama.cpp's schema-to-grammar converter
 * aborts the whole process on a schema it cannot convert (an unresolvable $ref, a pattern without ^ and $, an
 * unknown type: measured on de.kherud:llama 4.2.0), so only schemas made of these keywords reach it: type,
 * properties, required, additionalProperties, items, enum, const, anyOf, oneOf, the length, item count and range
 * bounds, format, and the annotations title, description and default.
 */
final class JsonSchemaSubset {
    private static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer", "boolean",
            "null");
    private static final Set<String> BOUNDS = Set.of("minItems", "maxItems", "minLength", "maxLength", "minimum",
            "maximum");
    private static final Set<String> OTHER_KEYS = Set.of("type", "properties", "required", "additionalProperties",
            "items", "enum", "const", "anyOf", "oneOf", "format", "title", "description", "default");
    private static final Set<String> SHAPES = Set.of("type", "enum", "const", "anyOf", "oneOf");
    private static final double LARGEST_BOUND = 1e15;

    private JsonSchemaSubset() {
    }

    /** What of the schema is outside the subset, as "where: why"; empty when all of it is inside. */
    static Optional<String> unsupported(JsonNode schema) {
        return check(schema, "schema");
    }

    private static Optional<String> check(JsonNode schema, String at) {
        if (!schema.isObject()) {
            return Optional.of(at + ": must be an object");
        }
        if (SHAPES.stream().noneMatch(schema::has)) {
            return Optional.of(at + ": needs one of " + String.join(", ", SHAPES.stream().sorted().toList()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<String> problem = keyword(field.getKey(), field.getValue(), at + "." + field.getKey());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> keyword(String key, JsonNode value, String at) {
        if (BOUNDS.contains(key)) {
            return value.isNumber() && Math.abs(value.doubleValue()) <= LARGEST_BOUND ? Optional.empty()
                    : Optional.of(at + ": must be a number");
        }
        return switch (key) {
            case "type" -> value.isTextual() && TYPES.contains(value.asText())
                    || value.isArray() && !value.isEmpty() && value.valueStream().allMatch(
                    t -> t.isTextual() && TYPES.contains(t.asText()))
                    ? Optional.empty() : Optional.of(at + ": must name JSON types (" + String.join(", ",
                    TYPES.stream().sorted().toList()) + ")");
            case "properties" -> value.isObject() ? value.properties().stream()
                    .map(p -> check(p.getValue(), at + "." + p.getKey())).flatMap(Optional::stream).findFirst()
                    : Optional.of(at + ": must be an object");
            case "required" -> value.isArray() && value.valueStream().allMatch(JsonNode::isTextual) ? Optional.empty()
                    : Optional.of(at + ": must be an array of names");
            case "additionalProperties" -> value.isBoolean() ? Optional.empty() : check(value, at);
            case "items" -> check(value, at);
            case "anyOf", "oneOf" -> value.isArray() && !value.isEmpty() ? schemas(value, at)
                    : Optional.of(at + ": must be a non-empty array of schemas");
            case "enum" -> value.isArray() && !value.isEmpty() ? Optional.empty()
                    : Optional.of(at + ": must be a non-empty array");
            case "format", "title", "description" -> value.isTextual() ? Optional.empty()
                    : Optional.of(at + ": must be a string");
            default -> OTHER_KEYS.contains(key) ? Optional.empty()
                    : Optional.of(at + ": is not supported on the on-device model");
        };
    }

    private static Optional<String> schemas(JsonNode array, String at) {
        for (int i = 0; i < array.size(); i++) {
            Optional<String> problem = check(array.get(i), at + "[" + i + "]");
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
