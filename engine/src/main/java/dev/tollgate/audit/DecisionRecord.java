package dev.tollgate.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.Findings;
import dev.tollgate.policy.Outcome;

import java.util.List;
import java.util.Map;

/**
 * A decision as logged before it was answered: everything replay needs to decide it again, and no text.
 *
 * @param policyVersion        engine -> "sha256:..." digest of the policy files that decided
 * @param logicVersion         part ("combiner", "detectors", "classifiers", "ner_model") -> "sha256:..." digest of the
 *                             code or model that made the decision; omitted in records written before it existed
 * @param facts                the facts document the engines evaluated (labels and counts only)
 * @param inputHmac            "hmac-sha256:..." of the canonical input
 * @param expiresAt            until when the decision may be executed (ISO-8601), as text: verify reports one it
 *                             cannot read
 * @param unavailableDetectors detectors that did not answer (the decision failed closed); omitted when none
 * @param inputLimits          destination id -> the most estimated input tokens it takes; omitted when none
 * @param engineDecisionIds    "engine/pack" -> the engine's own decision id (a remote OPA's); omitted when none
 * @param requestId            the HTTP request's id ({@code X-Request-Id}, sent or made); omitted outside a request
 *                             and in records written before it existed
 * @param traceId              the W3C trace id of the request ({@code traceparent}, sent or made); likewise
 */
public record DecisionRecord(String decisionId, String application, Map<String, String> policyVersion,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> logicVersion, Facts facts,
                             String inputHmac, Findings findings, Outcome outcome, String expiresAt,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unavailableDetectors,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> inputLimits,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> engineDecisionIds,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String requestId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String traceId)
        implements LogRecord {
    public DecisionRecord {
        policyVersion = policyVersion == null ? Map.of() : Map.copyOf(policyVersion);
        logicVersion = logicVersion == null ? Map.of() : Map.copyOf(logicVersion);
        unavailableDetectors = unavailableDetectors == null ? List.of() : List.copyOf(unavailableDetectors);
        inputLimits = inputLimits == null ? Map.of() : Map.copyOf(inputLimits);
        engineDecisionIds = engineDecisionIds == null ? Map.of() : Map.copyOf(engineDecisionIds);
    }
}
