package dev.tollgate.decision;

import dev.tollgate.facts.Facts;

import java.util.List;
import java.util.Map;

/**
 * The facts as read with each task type: the one the system derived from the text and the one the caller declared.
 * When they differ both readings are evaluated; the combiner then takes a deny from either, permits only what both
 * permit and unites their obligations, so a declared task can only make a decision stricter. The route preference
 * comes from the reading of the more demanding task ({@link #DEMAND}; the derived one on a tie), so a request that
 * needs the cloud model is not sent on-device by declaring "faq", and a caller's more demanding label is not
 * undone by a weaker guess.
 */
record TaskReadings(Facts routing, Facts restricting) {
    /**
     * How much a task demands of a model, from least to most: short answers, labelling a text, rewriting one,
     * writing new text, reasoning over several steps. Tasks not listed (prohibited practice names, unknown labels)
     * demand least.
     */
    static final Map<String, Integer> DEMAND = Map.ofEntries(
            Map.entry("faq", 1), Map.entry("chat", 1),
            Map.entry("classify", 2), Map.entry("extract", 2),
            Map.entry("summarize", 3), Map.entry("translate", 3),
            Map.entry("draft", 4), Map.entry("write", 4),
            Map.entry("reasoning", 5), Map.entry("code", 5), Map.entry("multi_step", 5), Map.entry("plan", 5));

    /** The readings of the facts; {@link #restricting()} is null when only one reading exists. */
    static TaskReadings of(Facts facts) {
        String declared = facts.request().taskType();
        String derived = facts.content().derivedTaskType();
        if (derived == null || derived.equals(declared)) {
            return new TaskReadings(facts, null);
        }
        Facts byDerived = withTaskType(facts, derived);
        return demand(declared) > demand(derived)
                ? new TaskReadings(facts, byDerived) : new TaskReadings(byDerived, facts);
    }

    static int demand(String task) {
        return DEMAND.getOrDefault(task, 0);
    }

    private static Facts withTaskType(Facts facts, String taskType) {
        return new Facts(facts.request().withTaskType(taskType), facts.subject(), facts.data(), facts.destinations(),
                facts.content());
    }
}
