package dev.tollgate.trail;

import java.time.Instant;

/**
 * Which decisions a list shows; every criterion left null admits all.
 *
 * @param from        decided at or after (inclusive)
 * @param to          decided before (exclusive)
 * @param effect      allow or deny
 * @param route       the destination the decision routed to, "none" for a denied one
 * @param rule        a rule among its reasons
 * @param entityType  a type among its findings (PERSON, IBAN, ...)
 */
public record DecisionFilter(Instant from, Instant to, String application, String effect, String route, String rule,
                             String entityType) {
    public static final DecisionFilter ALL = new DecisionFilter(null, null, null, null, null, null, null);

    boolean admits(Instant time, AuditTrail.DecisionSummary decision) {
        return inRange(time)
                && (application == null || application.equals(decision.application()))
                && (effect == null || effect.equals(decision.effect()))
                && (route == null || route.equals(decision.route()))
                && (rule == null || decision.rules().contains(rule))
                && (entityType == null || decision.entityTypes().contains(entityType));
    }

    /** Whether a time lies in the range, for what is filtered by time alone. */
    public boolean inRange(Instant time) {
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }
}
