package dev.tollgate.decision;

import dev.tollgate.policy.EngineException;
import dev.tollgate.policy.Reason;

/** The reasons recorded when an engine or a required detector fails: the decision fails closed and says why. */
public final class FailClosed {
    static final String RULE = "tollgate.engine-failure";
    public static final String DETECTOR_RULE = "tollgate.detector-unavailable";

    private FailClosed() {
    }

    /** Only an EngineException's message is shown: other exception messages may quote facts. */
    static Reason engine(String engine, RuntimeException e) {
        String what = e instanceof EngineException ? e.getMessage() : e.getClass().getSimpleName();
        return new Reason(RULE, engine, Combiner.PACK, "Fail closed (Tollgate invariant)",
                "The " + engine + " engine failed (" + what + "): request denied");
    }

    static Reason detector(String detector) {
        return new Reason(DETECTOR_RULE, Combiner.ENGINE, Combiner.PACK, "Fail closed (Tollgate invariant)",
                "The required PII detector '" + detector + "' did not answer: request denied");
    }
}
