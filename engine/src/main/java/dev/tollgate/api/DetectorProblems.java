package dev.tollgate.api;

import dev.tollgate.decision.Decision;
import dev.tollgate.decision.FailClosed;
import dev.tollgate.terms.Refusal;

/** The answer when a required PII detector (Presidio in mode "required") does not answer. */
public final class DetectorProblems {
    private DetectorProblems() {
    }

    public static ProblemException unavailable() {
        return unavailable("A required PII detector did not answer, so the text cannot be checked; retry later");
    }

    public static ProblemException unavailable(String detail) {
        return RefusalProblems.of(new Refusal(Refusal.Kind.DETECTOR_UNAVAILABLE, detail));
    }

    /**
     * A decision denied because a required detector did not answer is logged like any other (fail closed,
     * replayable), but the caller is told the truth: 503, retry later, not "forbidden by policy".
     */
    public static void requireDetectorsAnswered(Decision decision) {
        if (decision.outcome().reasons().stream().anyMatch(r -> r.rule().equals(FailClosed.DETECTOR_RULE))) {
            throw unavailable("A required PII detector did not answer, so the request was denied (logged as "
                    + "decision " + decision.decisionId() + "); retry later");
        }
    }
}
