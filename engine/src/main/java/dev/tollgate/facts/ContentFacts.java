package dev.tollgate.facts;

import java.util.List;

/**
 * What the system derives from the text itself about what is asked, whatever the caller declares.
 *
 * @param prohibitedPractices EU AI Act Art. 5(1) practices the text asks to carry out, in the names of the AI Act
 *                            pack's reference list (e.g. "social_scoring"); empty when none
 * @param derivedTaskType     the task type derived from the text (e.g. "reasoning"); null in facts logged before
 *                            the task was derived, when the declared task alone is evaluated
 */
public record ContentFacts(List<String> prohibitedPractices, String derivedTaskType) {
    /** What facts logged before content was classified hold: nothing recognised, no derived task. */
    public static final ContentFacts NOT_DERIVED = new ContentFacts(List.of(), null);

    public ContentFacts {
        prohibitedPractices = prohibitedPractices == null ? List.of() : List.copyOf(prohibitedPractices);
    }
}
