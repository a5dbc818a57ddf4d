package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.decision.DecideRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a /v1/decide body into a DecideRequest, or a problem: 400 for malformed JSON, 422 with every invalid
 * field's JSON Pointer for wrong types, missing fields and values out of range.
 */
public final class DecideRequestParser {
    private static final Pattern TASK = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final Set<String> knownCategories;

    public DecideRequestParser(Set<String> knownCategories) {
        this.knownCategories = Set.copyOf(knownCategories);
    }

    /** The parsed body and the application it names (null when it names none). */
    public record Parsed(String application, DecideRequest request) {
    }

    public Parsed parse(byte[] body) {
        return parse(JsonBodies.readObject(body));
    }

    /** The same checks on a body already read as a JSON object. */
    public Parsed parse(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        String application = optionalText(root, "application", errors);
        String task = taskType(root, errors);
        String country = subjectCountry(root, errors);
        List<DecideRequest.Message> messages = JsonBodies.messages(root, errors);
        List<String> categories = new ArrayList<>();
        int maxLatency = hints(root, categories, errors);
        if (root.path("user").has("role")) {
            errors.add(new FieldError("/user/role", "is not accepted: the role comes from the API key"));
        }
        if (!errors.isEmpty()) {
            throw JsonBodies.invalid(errors);
        }
        return new Parsed(application, new DecideRequest(task, country, messages, categories, maxLatency));
    }

    private static String optionalText(JsonNode root, String field, List<FieldError> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError("/" + field, "must be a string"));
            return null;
        }
        return node.asText();
    }

    private static String taskType(JsonNode root, List<FieldError> errors) {
        JsonNode task = root.get("task");
        if (task == null || !task.isObject()) {
            errors.add(new FieldError("/task", task == null ? "is required" : "must be an object"));
            return null;
        }
        JsonNode type = task.get("type");
        if (type == null || !type.isTextual()) {
            errors.add(new FieldError("/task/type", type == null ? "is required" : "must be a string"));
            return null;
        }
        if (!TASK.matcher(type.asText()).matches()) {
            errors.add(new FieldError("/task/type", "must match " + TASK.pattern()));
        }
        return type.asText();
    }

    private static String subjectCountry(JsonNode root, List<FieldError> errors) {
        JsonNode subject = root.get("subject");
        if (subject == null || subject.isNull()) {
            return null;
        }
        if (!subject.isObject()) {
            errors.add(new FieldError("/subject", "must be an object"));
            return null;
        }
        JsonNode country = subject.get("country");
        if (country == null || country.isNull()) {
            return null;
        }
        if (!country.isTextual() || !COUNTRY.matcher(country.asText()).matches()) {
            errors.add(new FieldError("/subject/country", "must be an ISO 3166-1 alpha-2 code such as \"DE\""));
            return null;
        }
        return country.asText();
    }

    private int hints(JsonNode root, List<String> categories, List<FieldError> errors) {
        JsonNode hints = root.get("hints");
        if (hints == null || hints.isNull()) {
            return 0;
        }
        if (!hints.isObject()) {
            errors.add(new FieldError("/hints", "must be an object"));
            return 0;
        }
        JsonNode cats = hints.get("categories");
        if (cats != null && !cats.isNull()) {
            if (!cats.isArray()) {
                errors.add(new FieldError("/hints/categories", "must be an array"));
            } else {
                for (int i = 0; i < cats.size(); i++) {
                    JsonNode c = cats.get(i);
                    if (!c.isTextual() || !knownCategories.contains(c.asText())) {
                        errors.add(new FieldError("/hints/categories/" + i,
                                "must be one of " + String.join(", ", knownCategories.stream().sorted().toList())));
                    } else {
                        categories.add(c.asText());
                    }
                }
            }
        }
        JsonNode latency = hints.get("max_latency_ms");
        if (latency == null || latency.isNull()) {
            return 0;
        }
        Integer maxLatency = JsonBodies.integerIn(latency, "/hints/max_latency_ms", 1, Integer.MAX_VALUE, errors);
        return maxLatency == null ? 0 : maxLatency;
    }
}
