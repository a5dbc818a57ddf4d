package dev.tollgate.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy directory that cannot be activated, with every problem found. */
public final class PolicyLoadException extends Exception {
    private final List<PolicyProblem> problems;

    public PolicyLoadException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
