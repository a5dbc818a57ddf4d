package dev.tollgate.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A YAML document as a JSON tree, with the line each setting was written on. Only {@code true} and {@code false}
 * are booleans: YAML 1.1 also reads {@code NO}, {@code yes}, {@code on} and {@code off} as booleans, which would
 * turn Norway's country code into {@code false}; here they stay the text that was written.
 *
 * @param source  how errors name the document, e.g. its file name
 * @param origins JSON Pointer of each value -> where it was set: "file:line", or the environment variable
 */
record YamlTree(String source, ObjectNode root, Map<String, String> origins) {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static YamlTree read(String source, InputStream in) throws IOException {
        Map<String, String> origins = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException(source + ":1", "", "the configuration must be a mapping of settings");
            }
            return new YamlTree(source, (ObjectNode) value(p, "", origins, source), origins);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(source + ":" + line, "", "not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** Where the value at this pointer (or the nearest setting above it) was set. */
    String where(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            String origin = origins.get(p);
            if (origin != null) {
                return origin;
            }
            if (p.isEmpty()) {
                return source;
            }
        }
    }

    /** Lays another document over this one: mappings merge, lists and values replace. */
    void lay(YamlTree over) {
        merge(root, over.root(), "");
        origins.putAll(over.origins());
    }

    private void merge(ObjectNode base, ObjectNode over, String pointer) {
        over.properties().forEach(field -> {
            String at = pointer + "/" + field.getKey();
            if (base.get(field.getKey()) instanceof ObjectNode inner && field.getValue() instanceof ObjectNode outer) {
                merge(inner, outer, at);
            } else {
                base.set(field.getKey(), field.getValue());
                origins.keySet().removeIf(p -> p.equals(at) || p.startsWith(at + "/"));
            }
        });
    }

    /** Records that an environment variable set the value at this pointer. */
    void overridden(String pointer, String variable) {
        origins.put(pointer, "environment " + variable);
    }

    private static JsonNode value(JsonParser p, String pointer, Map<String, String> origins, String source)
            throws IOException {
        origins.put(pointer, source + ":" + p.currentTokenLocation().getLineNr());
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String at = pointer + "/" + name;
                    if (object.has(name)) {
                        throw new ConfigException(source + ":" + p.currentTokenLocation().getLineNr(), at,
                                "set twice; each setting may appear once");
                    }
                    p.nextToken();
                    object.set(name, value(p, at, origins, source));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, pointer + "/" + array.size(), origins, source));
                }
                yield array;
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                String text = p.getText();
                String lower = text.toLowerCase(Locale.ROOT);
                yield lower.equals("true") || lower.equals("false")
                        ? NODES.booleanNode(lower.equals("true")) : NODES.textNode(text);
            }
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(p.getText());
        };
    }
}
