package dev.tollgate.decision;

/**
 * Where an allowed request goes and how: "static", "cascade" or "draft_verify".
 *
 * @param escalateBelow for "cascade": the on-device model's confidence (0 to 1) below which the executor
 *                      escalates to the cloud, as the routing policy set it; null for the other strategies
 */
public record Route(String destination, String kind, String strategy, Double escalateBelow) {
}
