package dev.tollgate.audit.calibrate;

import dev.tollgate.terms.ConsistencyCheck;

import java.util.List;

/**
 * One cascade rule's calibration: what the log says about it, the thresholds it has now (as its latest decision
 * carried them) and the thresholds proposed for the target, or why none are.
 *
 * @param validated      on-device answers a cloud validated
 * @param disagreed      of those, the ones it corrected
 * @param proposed       null when nothing is proposed ({@code note} says why)
 */
public record RouteCalibration(String rule, List<String> tasks, int executions, int escalated, int validated,
                               int disagreed, Current current, Proposed proposed, String note) {

    /** The thresholds the latest decision of the rule carried; {@code consistency} null when it had no check. */
    public record Current(Double escalateBelow, ConsistencyCheck consistency) {
    }

    /**
     * @param agreementBelow null when the rule has no consistency check
     * @param kept           validated answers these thresholds keep on-device
     * @param keptDisagreed  of those, the ones the cloud corrected
     */
    public record Proposed(double escalateBelow, Double agreementBelow, int kept, int keptDisagreed) {
    }

    /** Proposes thresholds for a disagreement rate of at most {@code target}, given at least {@code minValidated}. */
    public static RouteCalibration of(CascadeHistory history, double target, int minValidated) {
        boolean withAgreement = history.consistency() != null;
        List<ValidatedAnswer> answers = history.validated().stream()
                .filter(a -> !withAgreement || a.agreement() != null).toList();
        int disagreed = (int) answers.stream().filter(ValidatedAnswer::disagreed).count();
        Current current = new Current(history.escalateBelow(), history.consistency());
        if (answers.size() < minValidated) {
            return new RouteCalibration(history.rule(), history.tasks(), history.executions(), history.escalated(),
                    answers.size(), disagreed, current, null, "too few validated answers: " + answers.size() + " of the "
                    + minValidated + " needed");
        }
        return Thresholds.propose(answers, target, withAgreement)
                .map(p -> new RouteCalibration(history.rule(), history.tasks(), history.executions(),
                        history.escalated(), answers.size(), disagreed, current,
                        new Proposed(p.escalateBelow(), p.agreementBelow(), p.kept(), p.keptDisagreed()), null))
                .orElseGet(() -> new RouteCalibration(history.rule(), history.tasks(), history.executions(),
                        history.escalated(), answers.size(), disagreed, current, null,
                        "no threshold keeps the cloud's corrections at or below the target"));
    }
}
