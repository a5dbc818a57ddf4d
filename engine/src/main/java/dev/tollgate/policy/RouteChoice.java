package dev.tollgate.policy;

import dev.tollgate.terms.ConsistencyCheck;
import dev.tollgate.terms.Strategy;

import java.util.Objects;

/**
 * A routing pack's preference: the destination it would choose and the execution strategy.
 *
 * @param escalateBelow for cascade only: the on-device model's confidence (0 to 1) below which the request
 *                      escalates to the cloud; null otherwise. A cascade without one is accepted because
 *                      policy versions stored for replay predate the threshold.
 * @param rule          the id of the rule that chose it; null only from a Rego bundle written before the routing
 *                      pack reported it (policy versions stored for replay)
 * @param consistency   for cascade only, when the pack asks for it: the sampled answers' agreement check; else null
 */
public record RouteChoice(String destination, Strategy strategy, Double escalateBelow, String rule,
                          ConsistencyCheck consistency) {
    public RouteChoice {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(strategy, "strategy");
        if (consistency != null && strategy != Strategy.CASCADE) {
            throw new IllegalArgumentException("a consistency check applies only to the cascade strategy, not to "
                    + strategy.wire());
        }
        if (escalateBelow != null) {
            if (strategy != Strategy.CASCADE) {
                throw new IllegalArgumentException("a confidence threshold applies only to the cascade strategy, not to "
                        + strategy.wire());
            }
            if (!(escalateBelow >= 0 && escalateBelow <= 1)) {
                throw new IllegalArgumentException("a confidence threshold lies between 0 and 1, not " + escalateBelow);
            }
        }
    }

    public RouteChoice(String destination, Strategy strategy, Double escalateBelow, String rule) {
        this(destination, strategy, escalateBelow, rule, null);
    }
}
