package dev.tollgate.decision;

import java.util.List;

/**
 * A validated /v1/decide request. Only what the caller may say: the application comes from the API key,
 * and hints can only make the decision stricter.
 *
 * @param subjectCountry ISO 3166-1 alpha-2 code, or null when the caller does not know it
 * @param hintCategories sensitivity classes the caller declares; added to what Tollgate detects
 * @param maxLatencyMs   the caller's latency budget, 0 when none
 */
public record DecideRequest(String taskType, String subjectCountry, List<Message> messages,
                            List<String> hintCategories, int maxLatencyMs) {
    public DecideRequest {
        messages = List.copyOf(messages);
        hintCategories = List.copyOf(hintCategories);
    }

    public record Message(String role, String content) {
    }
}
