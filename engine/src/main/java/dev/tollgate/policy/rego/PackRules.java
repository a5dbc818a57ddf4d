package dev.tollgate.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.policy.PolicyProblem;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A pack's {@code rules} document (rule id to {"basis", "message"}) checked against the conventions the
 * Drools packs follow: ids start with the pack's prefix, every rule has a basis and a message.
 */
final class PackRules {
    private PackRules() {
    }

    /** @return the rule ids; problems are added for each broken convention */
    static List<String> check(RegoPack pack, JsonNode rules, List<PolicyProblem> problems) {
        if (!rules.isObject() || rules.isEmpty()) {
            problems.add(new PolicyProblem(pack.rulesPath(), 0, "pack " + pack.name()
                    + " has no rules: declare rules := {id: {\"basis\": ..., \"message\": ...}}"));
            return List.of();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> rule = it.next();
            if (!rule.getKey().startsWith(pack.idPrefix())) {
                problems.add(new PolicyProblem(pack.rulesPath(), 0, "rule " + rule.getKey() + " must start with " + pack.idPrefix()));
            }
            for (String field : List.of("basis", "message")) {
                if (rule.getValue().path(field).asText("").isBlank()) {
                    problems.add(new PolicyProblem(pack.rulesPath(), 0, "rule " + rule.getKey() + " has no " + field));
                }
            }
        }
        List<String> ids = new ArrayList<>();
        rules.fieldNames().forEachRemaining(ids::add);
        return ids;
    }
}
