package dev.tollgate.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.policy.PolicyProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what {@code opa check --format json} and {@code opa build} print about a bundle into problems
 * with the file (relative to the bundle, opa being run from inside it), line and message.
 */
final class OpaProblems {
    private static final Pattern LOCATED = Pattern.compile("(?m)([^\\s:]+\\.(?:rego|json|yaml|yml)):(\\d+): (.+)$");

    private OpaProblems() {
    }

    /** Problems from {@code opa check --format json}; one problem holding the raw text when it is not JSON. */
    static List<PolicyProblem> fromCheck(String output) {
        JsonNode errors;
        try {
            errors = Json.MAPPER.readTree(output).path("errors");
        } catch (IOException e) {
            return fromText(output);
        }
        List<PolicyProblem> problems = new ArrayList<>();
        for (JsonNode error : errors) {
            JsonNode location = error.path("location");
            String file = location.path("file").asText("");
            String message = error.path("code").asText("") + ": " + error.path("message").asText("");
            problems.add(new PolicyProblem(file.isEmpty() ? "." : relative(file), location.path("row").asInt(0), message));
        }
        return problems.isEmpty() ? fromText(output) : problems;
    }

    /** Problems from opa's text output: every "file:line: message" found, else the whole text. */
    static List<PolicyProblem> fromText(String output) {
        List<PolicyProblem> problems = new ArrayList<>();
        Matcher m = LOCATED.matcher(output);
        while (m.find()) {
            problems.add(new PolicyProblem(relative(m.group(1)), Integer.parseInt(m.group(2)), m.group(3).strip()));
        }
        if (problems.isEmpty()) {
            String text = output.strip().replaceFirst("^error: ", "");
            problems.add(new PolicyProblem(text.contains(BundleManifest.FILE) || text.contains("manifest")
                    ? BundleManifest.FILE : ".", 0, text.isEmpty() ? "opa failed without a message" : text));
        }
        return problems;
    }

    private static String relative(String file) {
        return file.startsWith("./") ? file.substring(2) : file;
    }
}
