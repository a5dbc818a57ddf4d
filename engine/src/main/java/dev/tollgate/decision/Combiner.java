package dev.tollgate.decision;

import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.Outcome;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.policy.RouteChoice;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.Effect;
import dev.tollgate.terms.Route;
import dev.tollgate.terms.Strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Combines the partial verdicts of every pack of every engine into one outcome: deny overrides; the
 * permitted destinations are those the application may use that no pack forbids; obligations are the
 * union of those that apply to the chosen route or to its cloud leg; reasons are sorted so the outcome is
 * byte-for-byte deterministic. A destination with an input limit (an on-device model's context) is left out when
 * the input's estimated token count exceeds it, saying so in a reason; when that leaves none, the request is
 * denied naming the limit. Whenever the route is not what the routing pack chose, a
 * {@code tollgate.route-overridden} reason says what it chose, what was done instead and why, so the reasons never
 * claim a route that was not taken.
 */
public final class Combiner {
    public static final String ENGINE = "tollgate";
    public static final String PACK = "combiner";
    static final String CONTEXT_RULE = "tollgate.context-limit";
    private static final String CONTEXT_BASIS = "Input must fit the model's context (Tollgate invariant)";
    public static final String OVERRIDE_RULE = "tollgate.route-overridden";
    private static final String OVERRIDE_BASIS = "Only permitted destinations can be chosen (Tollgate invariant)";

    private static final Comparator<Reason> REASON_ORDER = Comparator.comparing(Reason::pack)
            .thenComparing(Reason::rule).thenComparing(Reason::engine);

    public Outcome combine(Facts facts, List<PartialVerdict> verdicts, List<Reason> failures) {
        return combine(facts, verdicts, failures, Map.of());
    }

    /** @param inputLimits destination id -> the most estimated input tokens it takes (absent: no limit) */
    public Outcome combine(Facts facts, List<PartialVerdict> verdicts, List<Reason> failures,
                           Map<String, Integer> inputLimits) {
        List<Reason> reasons = new ArrayList<>(failures);
        verdicts.forEach(v -> reasons.addAll(v.reasons()));
        List<Reason> sorted = reasons.stream().distinct().sorted(REASON_ORDER).toList();

        if (!failures.isEmpty() || verdicts.stream().anyMatch(PartialVerdict::deny)) {
            return deny(sorted);
        }
        List<DestinationFacts> permitted = permitted(facts, verdicts);
        if (permitted.isEmpty()) {
            return deny(with(sorted, new Reason("tollgate.no-permitted-destination", ENGINE, PACK,
                    "Fail closed: no destination satisfies every pack",
                    "No destination is permitted by every policy pack for this request")));
        }
        int tokens = facts.request().tokenCount();
        List<DestinationFacts> tooSmall = permitted.stream()
                .filter(d -> inputLimits.containsKey(d.id()) && tokens > inputLimits.get(d.id())).toList();
        if (!tooSmall.isEmpty()) {
            String limits = tooSmall.stream().map(d -> d.id() + " takes up to " + inputLimits.get(d.id()))
                    .collect(Collectors.joining(", "));
            permitted = permitted.stream().filter(d -> !tooSmall.contains(d)).toList();
            if (permitted.isEmpty()) {
                return deny(with(sorted, new Reason(CONTEXT_RULE, ENGINE, PACK, CONTEXT_BASIS,
                        "The input (about " + tokens + " tokens) is longer than any permitted destination takes ("
                                + limits + "): shorten it")));
            }
            sorted = with(sorted, new Reason(CONTEXT_RULE, ENGINE, PACK, CONTEXT_BASIS,
                    "The input (about " + tokens + " tokens) is longer than " + limits + ": routed where it fits"));
        }
        Set<String> tooLong = tooSmall.stream().map(DestinationFacts::id).collect(Collectors.toSet());
        Routed routed = route(facts.destinations(), permitted, verdicts, tooLong);
        if (routed.override() != null) {
            sorted = with(sorted, routed.override());
        }
        return new Outcome(Effect.ALLOW, routed.route(), permitted.stream().map(DestinationFacts::id).toList(),
                obligations(verdicts, routed.route()), sorted);
    }

    /** The route taken and, when it is not what the routing pack chose, the reason saying so. */
    private record Routed(Route route, Reason override) {
    }

    private static List<Reason> with(List<Reason> sorted, Reason added) {
        List<Reason> reasons = new ArrayList<>(sorted);
        reasons.add(added);
        return reasons.stream().sorted(REASON_ORDER).toList();
    }

    private static Outcome deny(List<Reason> reasons) {
        return new Outcome(Effect.DENY, null, List.of(), List.of(), reasons);
    }

    private static List<DestinationFacts> permitted(Facts facts, List<PartialVerdict> verdicts) {
        Set<String> forbidden = new HashSet<>();
        verdicts.forEach(v -> forbidden.addAll(v.forbidden()));
        return facts.destinations().stream()
                .filter(DestinationFacts::permitted)
                .filter(d -> !forbidden.contains(d.id()))
                .toList();
    }

    /**
     * The routing preference if it is permitted; otherwise the first permitted destination of the preferred
     * kind, then the first permitted one, in catalog order, with the static strategy (the preferred
     * strategy may need a destination that is not permitted). Cascade and draft-verify need a cloud destination
     * to escalate to; without a permitted one the honest strategy is static, and a static route has no confidence
     * threshold. Whenever the route is not the preference, an override reason says what was chosen and why not.
     */
    private static Routed route(List<DestinationFacts> catalog, List<DestinationFacts> permitted,
                                List<PartialVerdict> verdicts, Set<String> tooLong) {
        Optional<RouteChoice> preference = verdicts.stream()
                .filter(v -> v.route() != null)
                .sorted(Comparator.comparing(PartialVerdict::pack).thenComparing(PartialVerdict::engine))
                .map(PartialVerdict::route)
                .findFirst();
        if (preference.isEmpty()) {
            DestinationFacts first = permitted.getFirst();
            return new Routed(new Route(first.id(), kind(first), Strategy.STATIC, null, null), null);
        }
        RouteChoice choice = preference.get();
        Optional<DestinationFacts> exact = permitted.stream()
                .filter(d -> d.id().equals(choice.destination())).findFirst();
        if (exact.isPresent()) {
            DestinationFacts destination = exact.get();
            if (choice.strategy() == Strategy.STATIC
                    || permitted.stream().anyMatch(d -> kind(d) == DestinationKind.CLOUD)) {
                return new Routed(new Route(destination.id(), kind(destination), choice.strategy(),
                        choice.escalateBelow(), choice.rule(), choice.consistency()), null);
            }
            return overridden(choice, destination, "no cloud destination is permitted to escalate to");
        }
        Optional<DestinationKind> kind = catalog.stream().filter(d -> d.id().equals(choice.destination()))
                .map(Combiner::kind).findFirst();
        DestinationFacts instead = permitted.stream()
                .filter(d -> kind.isPresent() && kind(d) == kind.get()).findFirst().orElse(permitted.getFirst());
        return overridden(choice, instead, tooLong.contains(choice.destination())
                ? "the input is longer than " + choice.destination() + " takes"
                : choice.destination() + " is not permitted for this request");
    }

    private static Routed overridden(RouteChoice choice, DestinationFacts taken, String why) {
        String chosenBy = choice.rule() == null ? "" : " (" + choice.rule() + ")";
        Reason reason = new Reason(OVERRIDE_RULE, ENGINE, PACK, OVERRIDE_BASIS,
                "The routing pack chose " + choice.destination() + " with the " + choice.strategy().wire()
                        + " strategy" + chosenBy + "; the request goes to " + taken.id()
                        + " with the static strategy instead, because " + why);
        return new Routed(new Route(taken.id(), kind(taken), Strategy.STATIC, null, OVERRIDE_RULE), reason);
    }

    /** The facts document keeps the kind as the packs read it, its wire value. */
    private static DestinationKind kind(DestinationFacts destination) {
        return DestinationKind.of(destination.kind());
    }

    /**
     * Obligations bound to the chosen destination's kind or to any route apply to the whole route (appliesTo
     * cleared). A cascade or draft-verify route may go on to a cloud model, so obligations bound to cloud
     * are kept for that leg, with appliesTo cloud. Merged by type and appliesTo, entity lists unioned.
     */
    private static List<Obligation> obligations(List<PartialVerdict> verdicts, Route route) {
        boolean hasCloudLeg = route.strategy() != Strategy.STATIC;
        Map<Obligation.Key, TreeSet<String>> merged = new TreeMap<>();
        for (PartialVerdict v : verdicts) {
            for (Obligation o : v.obligations()) {
                boolean wholeRoute = o.appliesTo() == null || o.appliesTo() == route.kind();
                if (wholeRoute || hasCloudLeg && o.appliesTo() == DestinationKind.CLOUD) {
                    merged.computeIfAbsent(new Obligation.Key(o.type(), wholeRoute ? null : DestinationKind.CLOUD),
                            k -> new TreeSet<>()).addAll(o.entities());
                }
            }
        }
        return merged.entrySet().stream().map(e -> e.getKey().with(e.getValue())).toList();
    }
}
