package dev.tollgate.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link LinkageChecker} found, reported apart from the chain's integrity.
 *
 * @param wholeLog           false when the chain check stopped early and only the records before the failure
 *                           were checked
 * @param records            records checked
 * @param decisions          distinct decisions tracked
 * @param executionsByRoute  "destination / strategy" (or "destination / failed: problem") -> executions
 * @param validationsPending offline answers (validation_queued) with no validation record after them yet
 * @param findingsByKind     every finding counted by kind, including those not listed
 * @param findings           in seq order, at most {@link LinkageChecker#MAX_LISTED}
 * @param findingsNotListed  findings counted but left out of the list
 * @param validationsFailed  validations set aside after the cloud failed every attempt, by the last problem
 */
public record LinkageReport(boolean wholeLog, long records, long decisions, Map<String, Long> recordsByType,
                            Map<String, Long> executionsByRoute, Map<String, Long> refusalsByProblem,
                            long validationsPending, long errors, long warnings, Map<String, Long> findingsByKind,
                            List<LinkageFinding> findings, long findingsNotListed,
                            Map<String, Long> validationsFailed) {

    public LinkageReport {
        recordsByType = sorted(recordsByType);
        executionsByRoute = sorted(executionsByRoute);
        refusalsByProblem = sorted(refusalsByProblem);
        findingsByKind = sorted(findingsByKind);
        findings = List.copyOf(findings);
        validationsFailed = sorted(validationsFailed);
    }

    /** No errors; warnings do not count against the log. */
    @JsonProperty("ok")
    public boolean ok() {
        return errors == 0;
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("Linkage: ").append(ok() ? "OK" : "FAILED").append(" (").append(errors).append(" errors, ")
                .append(warnings).append(" warnings)").append('\n');
        if (!wholeLog) {
            text.append("  checked only the ").append(records)
                    .append(" records before the chain failure; outcomes after it were not read\n");
        }
        text.append("Decisions tracked: ").append(decisions).append('\n');
        section(text, "Records by type", recordsByType);
        section(text, "Executions by destination / strategy", executionsByRoute);
        section(text, "Refusals by problem", refusalsByProblem);
        text.append("Validations pending: ").append(validationsPending).append('\n');
        text.append("Validations failed: ").append(validationsFailed.values().stream().mapToLong(Long::longValue).sum())
                .append('\n');
        section(text, "Validations failed by last problem", validationsFailed);
        if (!findings.isEmpty()) {
            text.append("Findings:\n");
            findings.forEach(finding -> text.append("  ").append(finding.render()).append('\n'));
        }
        if (findingsNotListed > 0) {
            text.append("  ... and ").append(findingsNotListed).append(" more findings not listed; by kind:\n");
            findingsByKind.forEach((kind, n) -> text.append("    ").append(kind).append(": ").append(n).append('\n'));
        }
        return text.toString();
    }

    private static void section(StringBuilder text, String title, Map<String, Long> counts) {
        if (!counts.isEmpty()) {
            text.append(title).append(":\n");
            counts.forEach((key, n) -> text.append("  ").append(key).append(": ").append(n).append('\n'));
        }
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }
}
