package dev.tollgate.policy;

/**
 * A routing pack's preference: the destination it would choose and the execution strategy.
 *
 * @param strategy "static", "cascade" or "draft_verify"
 */
public record RouteChoice(String destination, String strategy) {
}
