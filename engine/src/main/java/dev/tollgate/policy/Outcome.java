package dev.tollgate.policy;

import dev.tollgate.terms.Effect;
import dev.tollgate.terms.Route;

import java.util.List;

/**
 * The deterministic part of a decision: what the same facts under the same policy version always give.
 * Replay compares exactly this.
 *
 * @param route                 null when denied
 * @param permittedDestinations every destination all packs permit, in catalog order (the executor may
 *                              escalate only within these)
 */
public record Outcome(Effect effect, Route route, List<String> permittedDestinations, List<Obligation> obligations,
                      List<Reason> reasons) {
    public Outcome {
        permittedDestinations = List.copyOf(permittedDestinations);
        obligations = List.copyOf(obligations);
        reasons = List.copyOf(reasons);
    }
}
