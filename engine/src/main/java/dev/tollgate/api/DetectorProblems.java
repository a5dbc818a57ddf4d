package dev.tollgate.api;

/** The answer when a required PII detector (Presidio in mode "required") does not answer. */
public final class DetectorProblems {
    private DetectorProblems() {
    }

    public static ProblemException unavailable() {
        return new ProblemException(503, "detector-unavailable", "Detector unavailable",
                "A required PII detector did not answer, so the text cannot be checked; retry later");
    }
}
