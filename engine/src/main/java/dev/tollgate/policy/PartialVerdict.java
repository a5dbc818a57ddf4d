package dev.tollgate.policy;

import java.util.List;

/**
 * What one pack of one engine says about one facts document. Every engine returns this same shape.
 *
 * @param deny         the pack denies the request outright
 * @param forbidden    destination ids this pack does not permit, sorted
 * @param obligations  obligations this pack imposes
 * @param route        this pack's routing preference, or null
 * @param reasons      every rule that fired, in firing order
 * @param engineDecisionId the engine's own id for this evaluation (OPA's decision_id), or null; logged
 *                     beside Tollgate's decision id so the two logs can be joined
 * @param deniedBy     the ids of the rules that denied, among {@code reasons}; empty unless {@code deny}. A deny
 *                     message names these only, not the rules that fired beside them
 */
public record PartialVerdict(String engine, String pack, boolean deny, List<String> forbidden,
                             List<Obligation> obligations, RouteChoice route, List<Reason> reasons,
                             String engineDecisionId, List<String> deniedBy) {
    public PartialVerdict {
        forbidden = List.copyOf(forbidden);
        obligations = List.copyOf(obligations);
        reasons = List.copyOf(reasons);
        deniedBy = List.copyOf(deniedBy);
        if (deny == deniedBy.isEmpty()) {
            throw new IllegalArgumentException("a denying verdict names the rules that denied, and only it does");
        }
    }

    /** A verdict whose engine says only whether it denies: every reason of a deny counts as denying. */
    public PartialVerdict(String engine, String pack, boolean deny, List<String> forbidden,
                          List<Obligation> obligations, RouteChoice route, List<Reason> reasons,
                          String engineDecisionId) {
        this(engine, pack, deny, forbidden, obligations, route, reasons, engineDecisionId,
                deny ? reasons.stream().map(Reason::rule).distinct().toList() : List.of());
    }

    public PartialVerdict(String engine, String pack, boolean deny, List<String> forbidden,
                          List<Obligation> obligations, RouteChoice route, List<Reason> reasons) {
        this(engine, pack, deny, forbidden, obligations, route, reasons, null);
    }
}
