package dev.tollgate.decision;

import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.policy.RouteChoice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Combines the partial verdicts of every pack of every engine into one outcome: deny overrides; the
 * permitted destinations are those the application may use that no pack forbids; obligations are the
 * union of those that apply to the chosen route; reasons are sorted so the outcome is byte-for-byte
 * deterministic.
 */
public final class Combiner {
    public static final String ENGINE = "tollgate";
    public static final String PACK = "combiner";
    private static final String STATIC = "static";
    private static final String CLOUD = "cloud";

    private static final Comparator<Reason> REASON_ORDER = Comparator.comparing(Reason::pack)
            .thenComparing(Reason::rule).thenComparing(Reason::engine);

    public Outcome combine(Facts facts, List<PartialVerdict> verdicts, List<Reason> failures) {
        List<Reason> reasons = new ArrayList<>(failures);
        verdicts.forEach(v -> reasons.addAll(v.reasons()));
        List<Reason> sorted = reasons.stream().distinct().sorted(REASON_ORDER).toList();

        if (!failures.isEmpty() || verdicts.stream().anyMatch(PartialVerdict::deny)) {
            return deny(sorted);
        }
        List<DestinationFacts> permitted = permitted(facts, verdicts);
        if (permitted.isEmpty()) {
            List<Reason> withNone = new ArrayList<>(sorted);
            withNone.add(new Reason("tollgate.no-permitted-destination", ENGINE, PACK,
                    "Fail closed: no destination satisfies every pack",
                    "No destination is permitted by every policy pack for this request"));
            return deny(withNone.stream().sorted(REASON_ORDER).toList());
        }
        Route route = route(facts.destinations(), permitted, verdicts);
        return new Outcome(Outcome.ALLOW, route, permitted.stream().map(DestinationFacts::id).toList(),
                obligations(verdicts, route.kind()), sorted);
    }

    private static Outcome deny(List<Reason> reasons) {
        return new Outcome(Outcome.DENY, null, List.of(), List.of(), reasons);
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
     * strategy may need a destination that is not permitted).
     */
    private static Route route(List<DestinationFacts> catalog, List<DestinationFacts> permitted,
                               List<PartialVerdict> verdicts) {
        Optional<RouteChoice> preference = verdicts.stream()
                .filter(v -> v.route() != null)
                .sorted(Comparator.comparing(PartialVerdict::pack).thenComparing(PartialVerdict::engine))
                .map(PartialVerdict::route)
                .findFirst();
        if (preference.isPresent()) {
            RouteChoice choice = preference.get();
            Optional<DestinationFacts> exact = permitted.stream()
                    .filter(d -> d.id().equals(choice.destination())).findFirst();
            if (exact.isPresent()) {
                return new Route(exact.get().id(), exact.get().kind(), strategy(choice.strategy(), permitted));
            }
            Optional<String> kind = catalog.stream().filter(d -> d.id().equals(choice.destination()))
                    .map(DestinationFacts::kind).findFirst();
            Optional<DestinationFacts> sameKind = permitted.stream()
                    .filter(d -> kind.isPresent() && d.kind().equals(kind.get())).findFirst();
            if (sameKind.isPresent()) {
                return new Route(sameKind.get().id(), sameKind.get().kind(), STATIC);
            }
        }
        DestinationFacts first = permitted.getFirst();
        return new Route(first.id(), first.kind(), STATIC);
    }

    /**
     * Cascade and draft-verify need a cloud destination to escalate to; without a permitted one the honest
     * strategy is static.
     */
    private static String strategy(String preferred, List<DestinationFacts> permitted) {
        boolean needsCloud = !STATIC.equals(preferred);
        return needsCloud && permitted.stream().noneMatch(d -> CLOUD.equals(d.kind())) ? STATIC : preferred;
    }

    /** Obligations bound to the chosen kind or to any route, merged by type with their entity lists unioned. */
    private static List<Obligation> obligations(List<PartialVerdict> verdicts, String kind) {
        Map<String, TreeSet<String>> byType = new TreeMap<>();
        for (PartialVerdict v : verdicts) {
            for (Obligation o : v.obligations()) {
                if (o.appliesTo() == null || o.appliesTo().equals(kind)) {
                    byType.computeIfAbsent(o.type(), t -> new TreeSet<>()).addAll(o.entities());
                }
            }
        }
        return byType.entrySet().stream()
                .map(e -> new Obligation(e.getKey(), List.copyOf(e.getValue()), null))
                .toList();
    }
}
