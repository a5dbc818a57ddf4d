package dev.tollgate.console;

import dev.tollgate.api.FieldError;
import dev.tollgate.api.HttpProblem;
import dev.tollgate.api.JsonBodies;
import dev.tollgate.api.ProblemException;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.trail.AuditTrail;
import dev.tollgate.trail.DecisionFilter;
import dev.tollgate.trail.PolicyDiff;
import dev.tollgate.trail.WhatIf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** What the audit API and the console show, with what cannot be shown answered as a problem. */
public final class AuditViews {
    private final AuditTrail trail;
    private final WhatIf whatIf;
    private final PolicyStore store;

    public AuditViews(AuditTrail trail, WhatIf whatIf, PolicyStore store) {
        this.trail = trail;
        this.whatIf = whatIf;
        this.store = store;
    }

    AuditTrail trail() {
        return trail;
    }

    AuditTrail.DecisionPage decisions(DecisionFilter filter, int offset, int limit) {
        try {
            return trail.decisions(filter, offset, limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AuditTrail.DecisionExplanation decision(String id) {
        try {
            return trail.decision(id).orElseThrow(() -> new ProblemException(HttpProblem.NOT_FOUND,
                    "No decision with this id is in the log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<AuditTrail.PolicyPeriod> policies() {
        try {
            return trail.policies();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<PolicyDiff.FileDiff> diff(String engine, String from, String to) {
        try {
            return PolicyDiff.between(store, engine, from, to).orElseThrow(() -> new ProblemException(
                    HttpProblem.NOT_FOUND, "Both versions must be in the policy store (versions that decided are)"));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpProblem.BAD_REQUEST, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WhatIf.Result whatIf(DecisionFilter range, String engine, String base, Map<String, String> files) {
        try {
            return whatIf.run(range, new WhatIf.Candidate(engine, base, files));
        } catch (WhatIf.BadCandidateException e) {
            throw JsonBodies.invalid(List.of(new FieldError("/candidate", e.getMessage())));
        } catch (PolicyLoadException e) {
            throw JsonBodies.invalid(e.problems().stream()
                    .map(problem -> new FieldError("/candidate/files", "does not compile: " + problem)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
