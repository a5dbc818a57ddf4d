package dev.tollgate.policy.drools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.config.CountryCodes;
import dev.tollgate.policy.PolicyProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack's reference.json: named lists the rules match against, with where they come from and when they
 * were taken, so that a reviewer can check them against the source.
 * <pre>{"source": "...", "retrieved": "YYYY-MM-DD", "sets": {"eea": ["AT", ...]}, "notes": ...}</pre>
 * "notes" is free text for people and is not read by the rules.
 */
final class ReferenceFile {
    static final String NAME = "reference.json";
    private static final Set<String> FIELDS = Set.of("source", "retrieved", "sets", "notes");
    /** Sets of countries that destinations' and subjects' codes are compared with: they must be codes that exist. */
    private static final Set<String> COUNTRY_SETS = Set.of("eea", "adequacy");

    private ReferenceFile() {
    }

    /** The sets of the file; every defect is added to problems. */
    static List<ReferenceSet> parse(String file, byte[] content, List<PolicyProblem> problems) {
        String text = new String(content, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = Json.MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(content);
        } catch (JsonProcessingException e) {
            problems.add(new PolicyProblem(file, Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getLineNr()),
                    "not valid JSON: " + e.getOriginalMessage()));
            return List.of();
        } catch (IOException e) {
            problems.add(new PolicyProblem(file, 0, "cannot read: " + e.getMessage()));
            return List.of();
        }
        if (root == null || !root.isObject()) {
            problems.add(new PolicyProblem(file, 1, "must be a JSON object with source, retrieved and sets"));
            return List.of();
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                problems.add(new PolicyProblem(file, lineOfKey(text, field.getKey()),
                        "unknown field \"" + field.getKey() + "\"; expected source, retrieved, sets, notes"));
            }
        }
        JsonNode source = root.path("source");
        if (!source.isTextual() || source.asText().isBlank()) {
            problems.add(new PolicyProblem(file, lineOfKey(text, "source"),
                    "missing \"source\": say where the reference data comes from"));
        }
        checkRetrieved(file, text, root.path("retrieved"), problems);
        return sets(file, text, root.path("sets"), problems);
    }

    private static void checkRetrieved(String file, String text, JsonNode retrieved, List<PolicyProblem> problems) {
        String problem = null;
        if (!retrieved.isTextual()) {
            problem = "missing \"retrieved\": the date the data was taken from its source, as YYYY-MM-DD";
        } else {
            try {
                LocalDate.parse(retrieved.asText());
            } catch (DateTimeParseException e) {
                problem = "\"retrieved\" must be a date as YYYY-MM-DD, not \"" + retrieved.asText() + "\"";
            }
        }
        if (problem != null) {
            problems.add(new PolicyProblem(file, lineOfKey(text, "retrieved"), problem));
        }
    }

    private static List<ReferenceSet> sets(String file, String text, JsonNode sets, List<PolicyProblem> problems) {
        if (!sets.isObject()) {
            problems.add(new PolicyProblem(file, lineOfKey(text, "sets"),
                    "missing \"sets\": an object of named lists, e.g. {\"eea\": [\"AT\", \"BE\"]}"));
            return List.of();
        }
        List<ReferenceSet> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> set : sets.properties()) {
            Set<String> values = new LinkedHashSet<>();
            boolean valid = set.getValue().isArray();
            for (JsonNode value : set.getValue()) {
                valid &= value.isTextual() && !value.asText().isBlank();
                values.add(value.asText());
            }
            if (valid && COUNTRY_SETS.contains(set.getKey())) {
                values.stream().filter(code -> !CountryCodes.isAssigned(code)).findFirst().ifPresent(code ->
                        problems.add(new PolicyProblem(file, lineOfValue(text, code), "set \"" + set.getKey()
                                + "\" holds \"" + code + "\", which is not an ISO 3166-1 alpha-2 country code")));
            }
            if (valid) {
                result.add(new ReferenceSet(set.getKey(), values));
            } else {
                problems.add(new PolicyProblem(file, lineOfKey(text, set.getKey()),
                        "set \"" + set.getKey() + "\" must be a list of non-empty strings"));
            }
        }
        return List.copyOf(result);
    }

    private static int lineOfValue(String text, String value) {
        int at = text.indexOf("\"" + value + "\"");
        return at < 0 ? 0 : RuleLocations.lineOf(text, at);
    }

    private static int lineOfKey(String text, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:").matcher(text);
        return m.find() ? RuleLocations.lineOf(text, m.start()) : 0;
    }
}
