package dev.tollgate.terms;

import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.Strategy;

/**
 * Where an allowed request goes and how: static, cascade or draft_verify.
 *
 * @param escalateBelow for cascade: the on-device model's confidence (0 to 1) below which the executor
 *                      escalates to the cloud, as the routing policy set it; null for the other strategies
 */
public record Route(String destination, DestinationKind kind, Strategy strategy, Double escalateBelow) {
}
