package dev.tollgate.replay;

import dev.tollgate.decision.Combiner;
import dev.tollgate.policy.Outcome;
import dev.tollgate.terms.Route;

/**
 * A route logged before routes named the rule that chose them (no {@code routed_by}) was made by a combiner that
 * changed the routing pack's choice without saying so. Its replay is compared without the route's rule and without
 * the combiner's {@code tollgate.route-overridden} reason: everything else of the outcome still has to match.
 */
final class RoutesLoggedWithoutTheirRule {
    private RoutesLoggedWithoutTheirRule() {
    }

    static Outcome asLogged(Outcome recorded, Outcome replayed) {
        if (recorded.route() == null || recorded.route().routedBy() != null || replayed.route() == null) {
            return replayed;
        }
        Route route = replayed.route();
        return new Outcome(replayed.effect(),
                new Route(route.destination(), route.kind(), route.strategy(), route.escalateBelow(), null,
                        route.consistency()),
                replayed.permittedDestinations(), replayed.obligations(),
                replayed.reasons().stream().filter(r -> !r.rule().equals(Combiner.OVERRIDE_RULE)).toList());
    }
}
