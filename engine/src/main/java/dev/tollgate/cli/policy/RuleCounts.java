package dev.tollgate.cli.policy;

import dev.tollgate.policy.CompiledPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Each pack's rules in Drools beside the same pack's in Rego. A rule added to one engine only leaves the other
 * deciding the old way without any error, so a pack whose rules differ is a failure that names both counts and
 * the rules only one engine has.
 */
public final class RuleCounts {
    private RuleCounts() {
    }

    /** One line per pack whose rules differ between the engines; empty when every pack has the same rules. */
    public static List<String> differences(CompiledPolicy drools, CompiledPolicy rego) {
        TreeSet<String> packs = new TreeSet<>(drools.rules().keySet());
        packs.addAll(rego.rules().keySet());
        List<String> differences = new ArrayList<>();
        for (String pack : packs) {
            List<String> inDrools = drools.rules().getOrDefault(pack, List.of());
            List<String> inRego = rego.rules().getOrDefault(pack, List.of());
            if (new TreeSet<>(inDrools).equals(new TreeSet<>(inRego)) && inDrools.size() == inRego.size()) {
                continue;
            }
            StringBuilder line = new StringBuilder(pack + ": drools " + pack + "=" + inDrools.size() + ", rego " + pack
                    + "=" + inRego.size());
            only("drools", inDrools, inRego, line);
            only("rego", inRego, inDrools, line);
            differences.add(line.toString());
        }
        return differences;
    }

    private static void only(String engine, List<String> rules, List<String> others, StringBuilder line) {
        TreeSet<String> only = new TreeSet<>(rules);
        others.forEach(only::remove);
        if (!only.isEmpty()) {
            line.append("; only in ").append(engine).append(": ").append(String.join(", ", only));
        }
    }
}
