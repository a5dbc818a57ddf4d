package dev.tollgate.audit.calibrate;

/**
 * An on-device cascade answer that a cloud later validated.
 *
 * @param confidence the answer's confidence (token log-probabilities)
 * @param agreement  the agreement of the answers sampled for its consistency check; null when none was run
 * @param disagreed  whether the cloud corrected it
 */
public record ValidatedAnswer(double confidence, Double agreement, boolean disagreed) {
}
