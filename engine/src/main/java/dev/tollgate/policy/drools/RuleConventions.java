package dev.tollgate.policy.drools;

import dev.tollgate.policy.PolicyProblem;
import org.kie.api.definition.rule.Rule;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What every rule must carry for its decisions to be explainable: a stable dotted id under its pack's
 * prefix, a legal basis ({@code @basis}) and a sentence for the person reading the decision ({@code @message}).
 */
final class RuleConventions {
    static final String BASIS = "basis";
    static final String MESSAGE = "message";

    private static final Pattern ID_SEGMENT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private RuleConventions() {
    }

    static void check(Rule rule, String idPrefix, RuleLocations.Location where, List<PolicyProblem> problems) {
        String name = rule.getName();
        if (!isDottedIdUnder(name, idPrefix)) {
            problems.add(where.problem("rule '" + name + "' needs a dotted id of lower-case words starting with '"
                    + idPrefix + ".', like '" + idPrefix + ".art5.minimisation'"));
        }
        for (String key : List.of(BASIS, MESSAGE)) {
            Object value = rule.getMetaData().get(key);
            if (value == null || value.toString().isBlank()) {
                problems.add(where.problem("rule '" + name + "' has no @" + key + "(\"...\")"));
            }
        }
    }

    private static boolean isDottedIdUnder(String name, String idPrefix) {
        if (!name.startsWith(idPrefix + ".")) {
            return false;
        }
        for (String segment : name.substring(idPrefix.length() + 1).split("\\.", -1)) {
            if (!ID_SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }
}
