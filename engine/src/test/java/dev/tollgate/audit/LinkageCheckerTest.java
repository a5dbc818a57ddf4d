package dev.tollgate.audit;

import dev.tollgate.audit.LinkageFinding.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tollgate.audit.ExecutionLogWriter.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logs written through the real DecisionLog, each showing one way execution records can fail to fit. */
class LinkageCheckerTest {
    private static final String LOCAL = "slm-local";
    private static final String CLOUD = "cloud-eu";

    @TempDir
    Path dir;

    /** Each test writes its scenario here; {@link #check} closes it. */
    private ExecutionLogWriter log;

    @BeforeEach
    void openLog() throws IOException {
        log = new ExecutionLogWriter(dir, TestLogs.ONE_MIB);
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    private LinkageReport check() throws IOException {
        log.close();
        LinkageChecker checker = new LinkageChecker();
        VerifyReport chain = new ChainVerifier().verify(dir, checker);
        assertTrue(chain.ok(), chain.render());
        return checker.finish(true);
    }

    private record Seen(Kind kind, long seq, String decisionId) {
    }

    private static List<Seen> seen(LinkageReport report) {
        return report.findings().stream().map(f -> new Seen(f.kind(), f.seq(), f.decisionId())).toList();
    }

    @Test
    void cleanLogHasNoFindingsAndCountsEveryRecordExecutionAndRefusal() throws Exception {
        String direct = log.allowed(LOCAL, CLOUD);
        log.started(direct);
        log.completed(direct, CLOUD, "static");
        String offline = log.allowed(LOCAL, CLOUD);
        log.started(offline);
        log.offline(offline, LOCAL);
        log.validation(offline, CLOUD);
        String timedOut = log.allowed(CLOUD);
        log.started(timedOut);
        log.failed(timedOut, CLOUD, "destination-timeout");
        log.refused(timedOut, "token-used");
        String denied = log.decision("deny", ExecutionLogWriter.LATER);
        log.refused(denied, "token-invalid");
        log.refused(null, "token-invalid");
        LinkageReport report = check();

        assertTrue(report.ok(), report.render());
        assertTrue(report.wholeLog());
        assertEquals(List.of(), report.findings());
        assertEquals(0, report.errors());
        assertEquals(0, report.warnings());
        assertEquals(14, report.records());
        assertEquals(4, report.decisions());
        assertEquals(Map.of("decision", 4L, "execution_started", 3L, "execution", 3L, "validation", 1L,
                "execution_refused", 3L), report.recordsByType());
        assertEquals(Map.of("cloud-eu / static", 1L, "slm-local / offline", 1L,
                "cloud-eu / failed: destination-timeout", 1L), report.executionsByRoute());
        assertEquals(Map.of("token-used", 1L, "token-invalid", 2L), report.refusalsByProblem());
        assertEquals(0, report.validationsPending());
    }

    @Test
    void recordsNamingADecisionNotLoggedBeforeThemAreErrors() throws Exception {
        String late = "0190d6a0-0000-7000-8000-000000000001";
        long started = log.started(late);
        long completed = log.completed(late, LOCAL, "static");
        long refused = log.refused(late, "token-expired");
        long validation = log.validation(late, CLOUD);
        log.decisionWithId(late, "allow", ExecutionLogWriter.LATER, LOCAL);
        LinkageReport report = check();

        assertFalse(report.ok());
        assertEquals(List.of(new Seen(Kind.UNKNOWN_DECISION, started, late),
                new Seen(Kind.UNKNOWN_DECISION, completed, late),
                new Seen(Kind.UNKNOWN_DECISION, refused, late),
                new Seen(Kind.UNKNOWN_DECISION, validation, late)), seen(report));
        assertEquals(4, report.errors());
        assertEquals("execution_refused names a decision that is not logged before it",
                report.findings().get(2).detail());
    }

    @Test
    void startWithoutOutcomeIsAWarningNamingWhereItStarted() throws Exception {
        for (int i = 0; i < 30; i++) {
            String done = log.allowed(LOCAL);
            log.started(done);
            log.completed(done, LOCAL, "static");
        }
        String id = log.allowed(LOCAL);
        long seq = log.started(id);
        LinkageReport report = check();

        assertTrue(report.ok(), "a warning does not fail the log");
        assertEquals(0, report.errors());
        assertEquals(1, report.warnings());
        LinkageFinding finding = report.findings().getFirst();
        LogEntry started = TestLogs.entry(dir, seq);
        assertEquals(new LinkageFinding(Kind.STARTED_NO_OUTCOME, started.file().getFileName().toString(),
                started.lineNumber(), seq, id,
                "execution started and no execution record follows (expected only after a crash)"), finding);
        assertEquals(LinkageFinding.Severity.WARNING, finding.severity());
    }

    @Test
    void findingsNameTheSegmentFileAndLineAcrossSegments() throws Exception {
        Path small = dir.resolve("small-segments");
        String id;
        long seq;
        try (ExecutionLogWriter smallLog = new ExecutionLogWriter(small, 2_000)) {
            for (int i = 0; i < 10; i++) {
                smallLog.allowed(LOCAL);
            }
            id = smallLog.allowed(LOCAL);
            seq = smallLog.started(id);
        }
        assertTrue(TestLogs.segmentFiles(small).size() >= 3);
        LinkageChecker checker = new LinkageChecker();
        new ChainVerifier().verify(small, checker);
        LinkageFinding finding = checker.finish(true).findings().getFirst();

        LogEntry started = TestLogs.entry(small, seq);
        assertEquals(started.file().getFileName().toString(), finding.file());
        assertEquals(started.lineNumber(), finding.line());
        assertTrue(started.lineNumber() < seq, "the line counts within the segment, not across the log");
        assertTrue(finding.render().startsWith("WARNING " + finding.file() + ":" + finding.line() + " seq " + seq
                + " decision " + id + ": started-no-outcome: "), finding.render());
    }

    @Test
    void aSecondOutcomeForOneStartIsAnError() throws Exception {
        String id = log.allowed(LOCAL);
        log.started(id);
        log.completed(id, LOCAL, "static");
        long second = log.failed(id, LOCAL, "destination-timeout");
        LinkageReport report = check();

        assertEquals(List.of(new Seen(Kind.DUPLICATE_OUTCOME, second, id)), seen(report));
        assertFalse(report.ok());
    }

    @Test
    void aTokenStartedTwiceIsAnError() throws Exception {
        String id = log.allowed(LOCAL);
        log.started(id);
        log.completed(id, LOCAL, "static");
        long second = log.started(id);
        log.completed(id, LOCAL, "static");
        LinkageReport report = check();

        assertEquals(List.of(new Seen(Kind.STARTED_TWICE, second, id)), seen(report),
                "each start has its outcome, so only the second start is wrong");
    }

    @Test
    void anOutcomeWithoutAStartIsAnError() throws Exception {
        String id = log.allowed(LOCAL);
        long outcome = log.completed(id, LOCAL, "static");
        LinkageReport report = check();

        assertEquals(List.of(new Seen(Kind.OUTCOME_WITHOUT_START, outcome, id)), seen(report));
    }

    @Test
    void aLateAnswerLinksToItsDecisionAndMayComeOnlyFromAPermittedDestination() throws Exception {
        String hedged = log.allowed(LOCAL, CLOUD);
        log.started(hedged);
        log.completed(hedged, LOCAL, "static");
        log.lateAnswer(hedged, CLOUD);
        String localOnly = log.allowed(LOCAL);
        log.started(localOnly);
        log.completed(localOnly, LOCAL, "static");
        long elsewhere = log.lateAnswer(localOnly, CLOUD);
        String unknown = "0190d6a0-0000-7000-8000-000000000002";
        long unlinked = log.lateAnswer(unknown, CLOUD);
        LinkageReport report = check();

        assertEquals(List.of(new Seen(Kind.DESTINATION_NOT_PERMITTED, elsewhere, localOnly),
                new Seen(Kind.UNKNOWN_DECISION, unlinked, unknown)), seen(report));
        assertEquals("late_answer went to cloud-eu; the decision permitted [slm-local]",
                report.findings().get(0).detail());
    }

    @Test
    void executingADecisionThatWasNotAllowedIsAnError() throws Exception {
        String id = log.decision("deny", ExecutionLogWriter.LATER);
        long started = log.started(id);
        long outcome = log.completed(id, LOCAL, "static");
        LinkageReport report = check();

        assertEquals(List.of(new Seen(Kind.NOT_ALLOWED, started, id),
                new Seen(Kind.DESTINATION_NOT_PERMITTED, outcome, id)), seen(report));
        assertEquals("execution (completed) went to slm-local; the decision permitted none",
                report.findings().get(1).detail());
    }

    @Test
    void aCloudLegAtADestinationNotPermittedIsAnErrorThoughTheAnswerCameFromOneThatWas() throws Exception {
        String localOnly = log.allowed(LOCAL);
        log.started(localOnly);
        long checked = log.checkedByCloud(localOnly, LOCAL, CLOUD);
        LinkageReport report = check();

        assertEquals(List.of(new Seen(Kind.DESTINATION_NOT_PERMITTED, checked, localOnly)), seen(report));
        assertEquals("cloud leg of the execution went to " + CLOUD + "; the decision permitted [" + LOCAL + "]",
                report.findings().getFirst().detail());
    }

    @Test
    void anAnswerOrValidationFromADestinationNotPermittedIsAnErrorEvenOffline() throws Exception {
        String localOnly = log.allowed(LOCAL);
        log.started(localOnly);
        long offline = log.offline(localOnly, "slm-other");
        long validation = log.validation(localOnly, CLOUD);
        String either = log.allowed(LOCAL, CLOUD);
        log.started(either);
        long failed = log.failed(either, "cloud-us", "destination-timeout");
        LinkageReport report = check();

        assertEquals(List.of(new Seen(Kind.DESTINATION_NOT_PERMITTED, offline, localOnly),
                new Seen(Kind.DESTINATION_NOT_PERMITTED, validation, localOnly),
                new Seen(Kind.DESTINATION_NOT_PERMITTED, failed, either)), seen(report));
        assertEquals("execution (completed) went to slm-other; the decision permitted [slm-local]",
                report.findings().get(0).detail());
        assertEquals("validation went to cloud-eu; the decision permitted [slm-local]",
                report.findings().get(1).detail());
    }

    @Test
    void aStartAtOrAfterTheDecisionsExpiryIsAnErrorAndOneJustBeforeIsNot() throws Exception {
        String expired = log.decision("allow", NOW.toString(), LOCAL);
        long seq = log.started(expired);
        log.completed(expired, LOCAL, "static");
        String justValid = log.decision("allow", NOW.plusNanos(1_000).toString(), LOCAL);
        log.started(justValid);
        log.completed(justValid, LOCAL, "static");
        LinkageReport report = check();

        assertEquals(List.of(new Seen(Kind.STARTED_AFTER_EXPIRY, seq, expired)), seen(report));
        assertEquals("started at 2025-01-02T03:04:05Z, 0.000 ms after the decision expired at 2025-01-02T03:04:05Z",
                report.findings().getFirst().detail());
    }

    @Test
    void queuedValidationsWithoutAValidationAreCountedAndAnUnqueuedValidationIsAWarning() throws Exception {
        String queued = log.allowed(LOCAL, CLOUD);
        log.started(queued);
        log.offline(queued, LOCAL);
        String direct = log.allowed(LOCAL, CLOUD);
        log.started(direct);
        log.completed(direct, CLOUD, "static");
        long unexpected = log.validation(direct, CLOUD);
        LinkageReport report = check();

        assertEquals(1, report.validationsPending());
        assertEquals(List.of(new Seen(Kind.UNEXPECTED_VALIDATION, unexpected, direct)), seen(report));
        assertTrue(report.ok());
    }

    @Test
    void aRepeatedDecisionIdAndRecordsWithoutADecisionIdAreErrors() throws Exception {
        String id = log.allowed(LOCAL);
        long repeated = log.decisionWithId(id, "allow", ExecutionLogWriter.LATER, CLOUD);
        long noId = log.started(null);
        LinkageReport report = check();

        assertEquals(List.of(new Seen(Kind.DUPLICATE_DECISION, repeated, id),
                new Seen(Kind.MALFORMED_RECORD, noId, null)), seen(report));
        assertEquals("execution_started record without a decision_id", report.findings().get(1).detail());
    }

    @Test
    void afterAChainFailureOnlyTheIntactPrefixIsCheckedAndNoStartCountsAsUnended() throws Exception {
        String id = log.allowed(LOCAL);
        log.started(id);
        long tampered = log.completed(id, LOCAL, "static");
        log.started("0190d6a0-0000-7000-8000-00000000dead");
        log.close();
        LogEntry entry = TestLogs.entry(dir, tampered);
        List<String> lines = new ArrayList<>(TestLogs.lines(entry.file()));
        lines.set(Math.toIntExact(entry.lineNumber() - 1), entry.line().replace("slm-local", "cloud-us1"));
        TestLogs.writeLines(entry.file(), lines);

        LinkageChecker checker = new LinkageChecker();
        VerifyReport chain = new ChainVerifier().verify(dir, checker);
        LinkageReport report = checker.finish(chain.ok());

        assertEquals("hash mismatch: record 3 was modified after it was written", chain.firstFailure().reason());
        assertFalse(report.wholeLog());
        assertEquals(2, report.records());
        assertEquals(List.of(), report.findings(), "the start before the break may have ended after it");
        assertTrue(report.render().contains("checked only the 2 records before the chain failure"), report.render());
    }

    @Test
    void aReviewFollowsAHeldAnswerOnceAndNeverAnAnswerThatWasGiven() throws Exception {
        String held = log.allowed(LOCAL);
        log.started(held);
        log.held(held, LOCAL);
        log.review(held, "approved");
        long again = log.review(held, "rejected");
        String given = log.allowed(LOCAL);
        log.started(given);
        log.completed(given, LOCAL, "static");
        long unheld = log.review(given, "approved");
        String pending = log.allowed(LOCAL);
        log.started(pending);
        log.held(pending, LOCAL);
        LinkageReport report = check();

        assertFalse(report.ok());
        assertEquals(List.of(new Seen(Kind.DUPLICATE_REVIEW, again, held),
                new Seen(Kind.REVIEW_WITHOUT_HOLD, unheld, given)), seen(report));
        assertEquals(3L, report.recordsByType().get("review"));
    }
}
