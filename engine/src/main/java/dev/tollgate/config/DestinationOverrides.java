package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.terms.DestinationKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Environment overrides of a cloud destination's endpoint, bound to the destination by its id, never by its place
 * in the catalog: {@code TOLLGATE_<ID>_URL} and {@code TOLLGATE_<ID>_MODEL}, where {@code <ID>} is the id in upper
 * case with every other character than a letter or digit written as '_' ({@code cloud-eu} -> {@code CLOUD_EU}).
 * A variable of that form that names no destination stops the start: it would otherwise be silently ignored and
 * the data would go where the variable's author did not mean.
 */
final class DestinationOverrides {
    private static final Pattern VARIABLE = Pattern.compile("TOLLGATE_([A-Z0-9_]+)_(URL|MODEL)");
    private static final Map<String, String> FIELDS = Map.of("URL", "base_url", "MODEL", "model");

    private DestinationOverrides() {
    }

    /** The variable prefix of a destination id, e.g. "TOLLGATE_CLOUD_EU". */
    static String prefix(String id) {
        return "TOLLGATE_" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Applies every destination override in {@code environment} to the tree's destinations.
     *
     * @param reserved variables of the same form that set other things (e.g. TOLLGATE_OPA_URL)
     */
    static void apply(YamlTree tree, Map<String, String> environment, Set<String> reserved) {
        Map<String, Integer> indexByName = new TreeMap<>();
        JsonNode destinations = tree.root().path("destinations");
        for (int i = 0; i < destinations.size(); i++) {
            String id = destinations.get(i).path("id").asText("");
            indexByName.put(prefix(id).substring("TOLLGATE_".length()), i);
        }
        List<String> cloudVariables = indexByName.entrySet().stream()
                .filter(e -> DestinationKind.CLOUD.wire().equals(destinations.get(e.getValue()).path("kind").asText()))
                .map(e -> "TOLLGATE_" + e.getKey() + "_URL").toList();
        new TreeMap<>(environment).forEach((variable, value) -> {
            Matcher m = VARIABLE.matcher(variable);
            if (!m.matches() || reserved.contains(variable)) {
                return;
            }
            Integer index = indexByName.get(m.group(1));
            if (index == null) {
                throw new ConfigException("environment " + variable, "/destinations",
                        "names no destination of the catalog; the cloud destinations' variables are "
                                + String.join(", ", cloudVariables) + " (and _MODEL)");
            }
            String pointer = "/destinations/" + index;
            ObjectNode destination = (ObjectNode) destinations.get(index);
            if (!DestinationKind.CLOUD.wire().equals(destination.path("kind").asText())) {
                throw new ConfigException("environment " + variable, pointer + "/endpoint",
                        "destination " + destination.path("id").asText() + " is not of kind cloud; only cloud "
                                + "destinations have an endpoint");
            }
            JsonNode endpoint = destination.path("endpoint");
            ObjectNode target = endpoint.isObject() ? (ObjectNode) endpoint : destination.putObject("endpoint");
            target.put(FIELDS.get(m.group(2)), value);
            tree.overridden(pointer + "/endpoint/" + FIELDS.get(m.group(2)), variable);
        });
    }
}
