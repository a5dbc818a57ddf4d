package dev.tollgate.policy.drools;

import org.kie.api.KieBase;

import java.util.List;

/** One pack of one version: its rules, built once, and the reference sets its sessions receive. */
record CompiledPack(String name, KieBase kieBase, List<ReferenceSet> referenceSets, int ruleCount) {
    CompiledPack {
        referenceSets = List.copyOf(referenceSets);
    }
}
