package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document /openapi serves holds together: an OpenAPI 3.1 document whose every reference resolves,
 * whose operation ids are unique and every operation has responses, whose path templates declare their parameters, and which
 * describes the review endpoints and the held execution.
 */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static JsonNode document;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = HttpApi.class.getResourceAsStream("/openapi.yaml")) {
            document = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void everyReferenceResolvesInTheDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertTrue(refs.size() > 20, "refs: " + refs.size());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            assertTrue(!document.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
        }
    }

    @Test
    void everyOperationHasAUniqueIdResponsesAndItsPathParameters() {
        assertTrue(document.get("openapi").asText().startsWith("3.1."));
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String where = operation.getKey() + " " + path.getKey();
                JsonNode op = operation.getValue();
                assertTrue(!op.has("operationId") || ids.add(op.get("operationId").asText()),
                        "operationId twice: " + where);
                assertTrue(op.path("responses").size() > 0, "no responses: " + where);
                Matcher m = TEMPLATE.matcher(path.getKey());
                while (m.find()) {
                    assertTrue(declares(path.getValue(), m.group(1)) || declares(op, m.group(1)),
                            where + " does not declare path parameter " + m.group(1));
                }
            }
        }
    }

    @Test
    void theReviewEndpointsAndTheHeldExecutionAreDescribed() {
        JsonNode reviews = document.at("/paths/~1v1~1reviews~1{id}");
        assertEquals(Set.of("200", "401", "404"), names(reviews.at("/get/responses")));
        assertTrue(names(reviews.at("/post/responses")).containsAll(Set.of("200", "400", "403", "404", "409")));
        assertTrue(document.at("/paths/~1v1~1execute/post/responses/202").isObject());
        assertEquals(List.of("approve", "reject"),
                texts(document.at("/components/schemas/ReviewVerdict/properties/verdict/enum")));
        assertTrue(document.at("/components/schemas/Execution/properties/review").isObject());
    }

    private static boolean declares(JsonNode node, String name) {
        for (JsonNode parameter : node.path("parameters")) {
            if (name.equals(parameter.path("name").asText()) && "path".equals(parameter.path("in").asText())) {
                return parameter.path("required").asBoolean(false);
            }
        }
        return false;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
