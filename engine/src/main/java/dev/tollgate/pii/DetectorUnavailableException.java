package dev.tollgate.pii;

/**
 * A detector configured as required gave no answer in time, so the findings would be incomplete. Callers treat
 * this as a reason to fail closed; the message names the detector and the failure, never the text.
 */
public final class DetectorUnavailableException extends RuntimeException {
    private final String detector;

    public DetectorUnavailableException(String detector, String reason, Throwable cause) {
        super("Required PII detector '" + detector + "' is unavailable: " + reason, cause);
        this.detector = detector;
    }

    public String detector() {
        return detector;
    }
}
