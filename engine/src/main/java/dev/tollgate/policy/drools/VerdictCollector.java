package dev.tollgate.policy.drools;

import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.policy.RouteChoice;
import dev.tollgate.terms.ConsistencyCheck;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.terms.Strategy;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DRL global {@code verdict}: what the rules of one pack decide about one facts document.
 * Consequences pass {@code kcontext} so that every effect is recorded with the rule that caused it.
 * One instance per pack per evaluation; not thread-safe.
 */
public final class VerdictCollector {
    private final String pack;
    private final TreeSet<String> deniedBy = new TreeSet<>();
    private final TreeSet<String> forbidden = new TreeSet<>();
    private final Map<Obligation.Key, TreeSet<String>> obligations = new TreeMap<>();
    private RouteChoice route;
    private final Map<String, Reason> reasons = new LinkedHashMap<>();

    public VerdictCollector(String pack) {
        this.pack = Objects.requireNonNull(pack);
    }

    /** The request must not be processed at all. */
    public void deny(RuleContext kcontext) {
        cite(kcontext);
        deniedBy.add(kcontext.getRule().getName());
    }

    /**
     * The request must not be processed when its task is one of {@code tasks} (a routing table's comma-separated
     * cell): the row routes on-device, and these tasks need a cloud.
     */
    public void denyForTasks(RuleContext kcontext, String taskType, String tasks) {
        for (String task : tasks.split(",")) {
            if (task.strip().equals(taskType)) {
                deny(kcontext);
            }
        }
    }

    /** The request must not go to this destination. */
    public void forbid(RuleContext kcontext, String destinationId) {
        cite(kcontext);
        forbidden.add(Objects.requireNonNull(destinationId));
    }

    /**
     * An obligation without entities, on any route: "disclose_ai_interaction", "human_oversight", ...
     *
     * @throws IllegalArgumentException for a type Tollgate does not know, failing the pack closed
     */
    public void oblige(RuleContext kcontext, String type) {
        cite(kcontext);
        obligations.computeIfAbsent(new Obligation.Key(ObligationType.of(type), null), key -> new TreeSet<>());
    }

    /**
     * These entity types must be masked before the text leaves the gateway.
     *
     * @param appliesToKind destination kind the masking is bound to ("cloud"), or null for any route
     */
    public void mask(RuleContext kcontext, Collection<String> entityTypes, String appliesToKind) {
        cite(kcontext);
        if (!entityTypes.isEmpty()) {
            DestinationKind kind = appliesToKind == null ? null : DestinationKind.of(appliesToKind);
            obligations.computeIfAbsent(new Obligation.Key(ObligationType.MASK, kind), key -> new TreeSet<>())
                    .addAll(entityTypes);
        }
    }

    /** This pack's routing preference. The first rule to route wins; routing tables fire one row only. */
    public void route(RuleContext kcontext, String destination, String strategy) {
        cite(kcontext);
        if (route == null) {
            route = new RouteChoice(destination, Strategy.of(strategy), null, kcontext.getRule().getName());
        }
    }

    /**
     * The confidence threshold of the cascade route this same rule chose (a routing table's "Escalate below
     * confidence" column); ignored, like that rule's route, when an earlier rule's route won. A threshold
     * before any route is a mistake in the pack and fails the evaluation.
     */
    public void escalateBelow(RuleContext kcontext, double confidence) {
        if (route == null) {
            throw new IllegalStateException("rule " + kcontext.getRule().getName()
                    + " sets a confidence threshold without choosing a route first");
        }
        if (kcontext.getRule().getName().equals(route.rule())) {
            route = new RouteChoice(route.destination(), route.strategy(), confidence, route.rule(),
                    route.consistency());
        }
    }

    /**
     * The consistency check of the cascade route this same rule chose (a routing table's "Consistency check"
     * column: how many answers to sample, and the agreement below which to escalate); like
     * {@link #escalateBelow}, ignored when an earlier rule's route won and a mistake before any route.
     */
    public void consistency(RuleContext kcontext, int samples, double escalateBelowAgreement) {
        if (route == null) {
            throw new IllegalStateException("rule " + kcontext.getRule().getName()
                    + " sets a consistency check without choosing a route first");
        }
        if (kcontext.getRule().getName().equals(route.rule())) {
            route = new RouteChoice(route.destination(), route.strategy(), route.escalateBelow(), route.rule(),
                    new ConsistencyCheck(samples, escalateBelowAgreement));
        }
    }

    /** Records that the rule fired, with no other effect. */
    public void cite(RuleContext kcontext) {
        Rule rule = kcontext.getRule();
        reasons.computeIfAbsent(rule.getName(), name -> new Reason(name, DroolsPolicy.ENGINE, pack,
                metadata(rule, RuleConventions.BASIS), metadata(rule, RuleConventions.MESSAGE)));
    }

    public PartialVerdict toPartialVerdict() {
        List<Obligation> sortedObligations = obligations.entrySet().stream()
                .map(e -> e.getKey().with(e.getValue())).toList();
        return new PartialVerdict(DroolsPolicy.ENGINE, pack, !deniedBy.isEmpty(), List.copyOf(forbidden),
                sortedObligations, route, List.copyOf(reasons.values()), null, List.copyOf(deniedBy));
    }

    private static String metadata(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
