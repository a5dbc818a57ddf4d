package dev.tollgate.policy.drools;

import org.kie.api.KieBase;

import java.util.List;

/** One pack of one version: its rules, built once, their ids, and the reference sets its sessions receive. */
record CompiledPack(String name, KieBase kieBase, List<ReferenceSet> referenceSets, List<String> rules) {
    CompiledPack {
        referenceSets = List.copyOf(referenceSets);
        rules = List.copyOf(rules);
    }
}
