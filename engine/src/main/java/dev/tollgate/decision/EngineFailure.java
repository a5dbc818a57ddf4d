package dev.tollgate.decision;

import dev.tollgate.policy.Reason;

/** The reason recorded when an engine cannot evaluate: the decision fails closed and says why. */
final class EngineFailure {
    static final String RULE = "tollgate.engine-failure";

    private EngineFailure() {
    }

    static Reason reason(String engine, RuntimeException e) {
        return new Reason(RULE, engine, Combiner.PACK, "Fail closed (Tollgate invariant)",
                "The " + engine + " engine failed (" + e.getClass().getSimpleName() + "): request denied");
    }
}
