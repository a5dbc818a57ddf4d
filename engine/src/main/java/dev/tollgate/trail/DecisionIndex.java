package dev.tollgate.trail;

import dev.tollgate.audit.DecisionRecord;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The trail's decisions in time order, as summaries with the policy versions that made them, brought up to date with
 * what was appended at every look: the lists and counts read memory, not the log. Labels that repeat (applications,
 * routes, rule lists, versions) are held once.
 */
final class DecisionIndex {
    /** A decision in the index. */
    record Indexed(Instant time, AuditTrail.DecisionSummary summary, Map<String, String> policyVersion) {
    }

    private final TrailSource source;
    private final List<Indexed> decisions = new ArrayList<>();
    private final Map<Object, Object> held = new HashMap<>();

    DecisionIndex(TrailSource source) {
        this.source = source;
    }

    /** Answers from every decision logged up to now, oldest first; the list is only valid inside the call. */
    synchronized <T> T query(Function<List<Indexed>, T> answer) throws IOException {
        int before = decisions.size();
        source.readNew(logged -> {
            if (logged.record() instanceof DecisionRecord decision) {
                decisions.add(indexed(logged.time(), decision));
            }
        });
        // Replicas' streams interleave in time; a stable sort of nearly sorted entries is a merge of a few runs.
        if (!inOrderFrom(Math.max(before, 1))) {
            decisions.sort(Comparator.comparing(Indexed::time));
        }
        return answer.apply(decisions);
    }

    private boolean inOrderFrom(int first) {
        for (int i = first; i < decisions.size(); i++) {
            if (decisions.get(i).time().isBefore(decisions.get(i - 1).time())) {
                return false;
            }
        }
        return true;
    }

    private Indexed indexed(Instant time, DecisionRecord record) {
        AuditTrail.DecisionSummary summary = AuditTrail.DecisionSummary.of(time, record);
        return new Indexed(time, new AuditTrail.DecisionSummary(summary.decisionId(), summary.time(),
                held(summary.application()), held(summary.effect()), held(summary.route()), held(summary.rules()),
                held(summary.entityTypes())), held(Map.copyOf(record.policyVersion())));
    }

    @SuppressWarnings("unchecked")
    private <T> T held(T value) {
        return (T) held.computeIfAbsent(value, v -> v);
    }
}
