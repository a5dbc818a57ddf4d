package dev.tollgate.decision;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.tollgate.facts.Findings;
import dev.tollgate.policy.Outcome;

import java.util.List;
import java.util.Map;

/**
 * The answer to /v1/decide: the outcome plus what identifies it (id, policy versions, expiry) and the
 * findings the facts were built from.
 *
 * @param policyVersion engine name -> "sha256:..." digest of the pack contents that decided
 * @param token         signed decision token for /v1/execute (allowed decisions only); never logged
 * @param deniedBy      the rules that denied (empty when allowed): a deny's message names these, not every reason
 */
public record Decision(String decisionId, @JsonUnwrapped Outcome outcome, Findings findings,
                       Map<String, String> policyVersion, String expiresAt, String token, List<String> deniedBy) {
    public Decision {
        policyVersion = Map.copyOf(policyVersion);
        deniedBy = List.copyOf(deniedBy);
    }
}
