package dev.tollgate.replay;

import dev.tollgate.policy.Outcome;
import dev.tollgate.terms.Route;
import dev.tollgate.policy.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a replay found: matches, mismatches and decisions changed by logic, and for a candidate policy what would
 * change, counted by effect, route and rule, with the decision ids affected.
 *
 * @param changedDecisionIds decisions whose outcome differs although the record names this build's combiner or
 *                           none: mismatches (under a candidate: changed by the candidate)
 * @param changedByLogicIds  decisions whose outcome differs and whose record names another combiner version
 *
 * @param effectChanges "allow -> deny" style transitions and their counts
 * @param routeChanges  "slm-local -> cloud-eu" style transitions and their counts
 * @param rulesAdded    rule id -> decisions in which the rule would newly fire
 * @param rulesRemoved  rule id -> decisions in which the rule would no longer fire
 */
public record ReplayReport(int decisions, int matches, List<String> changedDecisionIds, List<String> changedByLogicIds,
                           Map<String, Integer> effectChanges, Map<String, Integer> routeChanges,
                           Map<String, Integer> rulesAdded, Map<String, Integer> rulesRemoved) {

    public static ReplayReport of(List<Replayer.Replayed> replayed) {
        List<String> changed = new ArrayList<>();
        List<String> byLogic = new ArrayList<>();
        Map<String, Integer> effects = new TreeMap<>();
        Map<String, Integer> routes = new TreeMap<>();
        Map<String, Integer> added = new TreeMap<>();
        Map<String, Integer> removed = new TreeMap<>();
        for (Replayer.Replayed r : replayed) {
            if (r.matches()) {
                continue;
            }
            (r.changedByLogic() ? byLogic : changed).add(r.decisionId());
            Outcome before = r.recorded();
            Outcome after = r.replayed();
            if (!before.effect().equals(after.effect())) {
                effects.merge(before.effect().wire() + " -> " + after.effect().wire(), 1, Integer::sum);
            }
            String from = destination(before.route());
            String to = destination(after.route());
            if (!from.equals(to)) {
                routes.merge(from + " -> " + to, 1, Integer::sum);
            }
            Set<String> rulesBefore = rules(before);
            Set<String> rulesAfter = rules(after);
            rulesAfter.stream().filter(rule -> !rulesBefore.contains(rule)).forEach(rule -> added.merge(rule, 1, Integer::sum));
            rulesBefore.stream().filter(rule -> !rulesAfter.contains(rule)).forEach(rule -> removed.merge(rule, 1, Integer::sum));
        }
        return new ReplayReport(replayed.size(), replayed.size() - changed.size() - byLogic.size(), changed, byLogic,
                effects, routes, added, removed);
    }

    public int mismatches() {
        return changedDecisionIds.size();
    }

    private static String destination(Route route) {
        return route == null ? "none" : route.destination();
    }

    private static Set<String> rules(Outcome outcome) {
        return outcome.reasons().stream().map(Reason::rule).collect(Collectors.toSet());
    }

    public String render(boolean candidate) {
        StringBuilder text = new StringBuilder();
        text.append(candidate ? "Replay under the candidate policy\n" : "Replay under the recorded policy versions\n");
        text.append("Decisions replayed: ").append(decisions).append('\n');
        text.append(candidate ? "Unchanged: " : "Matches: ").append(matches).append('\n');
        text.append(candidate ? "Changed: " : "Mismatches: ").append(mismatches()).append('\n');
        text.append("Changed by logic (recorded under another combiner version): ").append(changedByLogicIds.size())
                .append('\n');
        section(text, "Effect changes", effectChanges);
        section(text, "Route changes", routeChanges);
        section(text, "Rules that would newly fire", rulesAdded);
        section(text, "Rules that would no longer fire", rulesRemoved);
        ids(text, "Decisions affected", changedDecisionIds);
        ids(text, "Decisions changed by logic", changedByLogicIds);
        return text.toString();
    }

    private static void ids(StringBuilder text, String title, List<String> ids) {
        if (!ids.isEmpty()) {
            text.append(title).append(":\n");
            ids.forEach(id -> text.append("  ").append(id).append('\n'));
        }
    }

    private static void section(StringBuilder text, String title, Map<String, Integer> counts) {
        if (!counts.isEmpty()) {
            text.append(title).append(":\n");
            counts.forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append('\n'));
        }
    }
}
