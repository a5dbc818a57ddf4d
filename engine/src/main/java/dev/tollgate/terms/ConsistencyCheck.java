package dev.tollgate.terms;

/**
 * A cascade's second check of the on-device answer, as the routing policy asks for it: the on-device model samples
 * {@code samples} more answers at a temperature above 0 and the request escalates when their agreement is below
 * {@code escalateBelow} (as well as when the confidence is below the route's own threshold).
 *
 * @param samples       how many answers are sampled, 2 to {@value #MAX_SAMPLES} (agreement is pairwise)
 * @param escalateBelow the agreement (0 to 1) below which the request escalates
 */
public record ConsistencyCheck(int samples, double escalateBelow) {
    /** Each sample is a whole generation on a shared CPU: more than a few cost more than the cloud saves. */
    public static final int MAX_SAMPLES = 5;

    public ConsistencyCheck {
        if (samples < 2 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("a consistency check samples 2 to " + MAX_SAMPLES + " answers, not "
                    + samples);
        }
        if (!(escalateBelow >= 0 && escalateBelow <= 1)) {
            throw new IllegalArgumentException("an agreement threshold lies between 0 and 1, not " + escalateBelow);
        }
    }
}
