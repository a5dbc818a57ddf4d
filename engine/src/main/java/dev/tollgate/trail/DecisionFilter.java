package dev.tollgate.trail;

import dev.tollgate.audit.DecisionRecord;
import dev.tollgate.facts.EntityFinding;
import dev.tollgate.policy.Outcome;
import dev.tollgate.policy.Reason;

import java.time.Instant;

/**
 * Which decisions a list shows; every criterion left null admits all.
 *
 * @param from        decided at or after (inclusive)
 * @param to          decided before (exclusive)
 * @param effect      allow or deny
 * @param route       the destination the decision routed to
 * @param rule        a rule among its reasons
 * @param entityType  a type among its findings (PERSON, IBAN, ...)
 */
public record DecisionFilter(Instant from, Instant to, String application, String effect, String route, String rule,
                             String entityType) {
    public static final DecisionFilter ALL = new DecisionFilter(null, null, null, null, null, null, null);

    boolean admits(Instant time, DecisionRecord record) {
        Outcome outcome = record.outcome();
        return (from == null || !time.isBefore(from))
                && (to == null || time.isBefore(to))
                && (application == null || application.equals(record.application()))
                && (effect == null || effect.equals(outcome.effect().wire()))
                && (route == null || outcome.route() != null && route.equals(outcome.route().destination()))
                && (rule == null || outcome.reasons().stream().map(Reason::rule).anyMatch(rule::equals))
                && (entityType == null || record.findings().entities().stream().map(EntityFinding::type)
                .anyMatch(entityType::equals));
    }

    /** Whether a time lies in the range, for what is filtered by time alone. */
    public boolean inRange(Instant time) {
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }
}
