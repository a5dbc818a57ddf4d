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
 */
public record PartialVerdict(String engine, String pack, boolean deny, List<String> forbidden,
                             List<Obligation> obligations, RouteChoice route, List<Reason> reasons) {
    public PartialVerdict {
        forbidden = List.copyOf(forbidden);
        obligations = List.copyOf(obligations);
        reasons = List.copyOf(reasons);
    }
}
