package dev.tollgate.audit.calibrate;

import dev.tollgate.terms.ConsistencyCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the log holds about the cascade routes one routing rule chose: the task types it served, its thresholds as
 * the latest of its decisions carried them, how many executions ran and escalated, and the answers a cloud
 * validated.
 */
public final class CascadeHistory {
    private final String rule;
    private final SortedSet<String> tasks = new TreeSet<>();
    private final List<ValidatedAnswer> validated = new ArrayList<>();
    private Double escalateBelow;
    private ConsistencyCheck consistency;
    private int executions;
    private int escalated;

    CascadeHistory(String rule) {
        this.rule = rule;
    }

    void decided(String task, Double escalateBelow, ConsistencyCheck consistency) {
        if (task != null) {
            tasks.add(task);
        }
        this.escalateBelow = escalateBelow;
        this.consistency = consistency;
    }

    void executed(boolean escalated) {
        executions++;
        if (escalated) {
            this.escalated++;
        }
    }

    void validated(ValidatedAnswer answer) {
        validated.add(answer);
    }

    public String rule() {
        return rule;
    }

    public List<String> tasks() {
        return List.copyOf(tasks);
    }

    public Double escalateBelow() {
        return escalateBelow;
    }

    public ConsistencyCheck consistency() {
        return consistency;
    }

    public int executions() {
        return executions;
    }

    public int escalated() {
        return escalated;
    }

    public List<ValidatedAnswer> validated() {
        return List.copyOf(validated);
    }
}
