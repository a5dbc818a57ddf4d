package dev.tollgate.terms;

/**
 * Where an allowed request goes and how: static, cascade or draft_verify.
 *
 * @param escalateBelow for cascade: the on-device model's confidence (0 to 1) below which the executor
 *                      escalates to the cloud, as the routing policy set it; null for the other strategies
 * @param routedBy      the rule that chose this route: the routing pack's rule when the route is as it chose,
 *                      {@code tollgate.route-overridden} when the combiner changed that choice (a reason of the
 *                      outcome says how and why), null when no pack chose a route or the record predates the field
 * @param consistency   for cascade, when the routing policy asks for it: the sampled answers' agreement check; null
 *                      otherwise (and left out of the JSON, so routes without it read and write as before)
 */
public record Route(String destination, DestinationKind kind, Strategy strategy, Double escalateBelow,
                    String routedBy, ConsistencyCheck consistency) {

    public Route(String destination, DestinationKind kind, Strategy strategy, Double escalateBelow, String routedBy) {
        this(destination, kind, strategy, escalateBelow, routedBy, null);
    }
}
