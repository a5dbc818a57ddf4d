package dev.tollgate.audit.calibrate;

import java.util.List;
import java.util.Optional;

/**
 * The thresholds that keep the most validated answers on-device while the share of them the cloud corrected stays
 * at or below the target. An answer is kept when its confidence is at or above the confidence threshold and, with
 * a consistency check, its agreement at or above the agreement threshold: the cascade's own rule. Thresholds are
 * searched in steps of 1/{@value #STEPS_PER_UNIT}. Of thresholds that keep as many answers the highest are taken
 * (the highest agreement threshold first), the cautious choice for the answers no cloud validated.
 */
final class Thresholds {
    static final int STEPS_PER_UNIT = 100;

    /**
     * @param escalateBelow  the proposed confidence threshold
     * @param agreementBelow the proposed agreement threshold; null when no consistency check was searched
     * @param kept           validated answers the thresholds keep on-device
     * @param keptDisagreed  of those, the ones the cloud corrected
     */
    record Proposal(double escalateBelow, Double agreementBelow, int kept, int keptDisagreed) {
        double disagreement() {
            return (double) keptDisagreed / kept;
        }
    }

    private Thresholds() {
    }

    /**
     * @param withAgreement search an agreement threshold too (every answer must then carry an agreement)
     * @return empty when no thresholds keep any answer within the target
     */
    static Optional<Proposal> propose(List<ValidatedAnswer> answers, double target, boolean withAgreement) {
        Proposal best = null;
        for (int a = withAgreement ? STEPS_PER_UNIT : 0; a >= 0; a--) {
            for (int c = STEPS_PER_UNIT; c >= 0; c--) {
                double confidence = (double) c / STEPS_PER_UNIT;
                Double agreement = withAgreement ? (double) a / STEPS_PER_UNIT : null;
                Proposal p = keptAt(answers, confidence, agreement);
                if (p.kept() > 0 && p.disagreement() <= target && (best == null || p.kept() > best.kept())) {
                    best = p;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Proposal keptAt(List<ValidatedAnswer> answers, double confidence, Double agreement) {
        int kept = 0;
        int disagreed = 0;
        for (ValidatedAnswer answer : answers) {
            if (answer.confidence() >= confidence && (agreement == null || answer.agreement() >= agreement)) {
                kept++;
                if (answer.disagreed()) {
                    disagreed++;
                }
            }
        }
        return new Proposal(confidence, agreement, kept, disagreed);
    }
}
