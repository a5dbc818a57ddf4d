package dev.tollgate.audit;

import dev.tollgate.audit.LinkageFinding.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

    private LinkageReport check(Consumer<ExecutionLogWriter> writes) throws Exception {
        try (ExecutionLogWriter log = new ExecutionLogWriter(dir, TestLogs.ONE_MIB)) {
            writes.accept(log);
        }
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
        LinkageReport report = check(log -> {
            String direct = log.allowed(LOCAL, CLOUD);
            log.started(direct);
            log.completed(direct, CLOUD, "direct");
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
        });

        assertTrue(report.ok(), report.render());
        assertTrue(report.wholeLog());
        assertEquals(List.of(), report.findings());
        assertEquals(0, report.errors());
        assertEquals(0, report.warnings());
        assertEquals(14, report.records());
        assertEquals(4, report.decisions());
        assertEquals(Map.of("decision", 4L, "execution_started", 3L, "execution", 3L, "validation", 1L,
                "execution_refused", 3L), report.recordsByType());
        assertEquals(Map.of("cloud-eu / direct", 1L, "slm-local / offline", 1L,
                "cloud-eu / failed: destination-timeout", 1L), report.executionsByRoute());
        assertEquals(Map.of("token-used", 1L, "token-invalid", 2L), report.refusalsByProblem());
        assertEquals(0, report.validationsPending());
    }

    @Test
    void recordsNamingADecisionNotLoggedBeforeThemAreErrors() throws Exception {
        String late = "0190d6a0-0000-7000-8000-000000000001";
        List<Long> seqs = new ArrayList<>();
        LinkageReport report = check(log -> {
            seqs.add(log.started(late));
            seqs.add(log.completed(late, LOCAL, "direct"));
            seqs.add(log.refused(late, "token-expired"));
            seqs.add(log.validation(late, CLOUD));
            log.decisionWithId(late, "allow", ExecutionLogWriter.LATER, LOCAL);
        });

        assertFalse(report.ok());
        assertEquals(List.of(new Seen(Kind.UNKNOWN_DECISION, seqs.get(0), late),
                new Seen(Kind.UNKNOWN_DECISION, seqs.get(1), late),
                new Seen(Kind.UNKNOWN_DECISION, seqs.get(2), late),
                new Seen(Kind.UNKNOWN_DECISION, seqs.get(3), late)), seen(report));
        assertEquals(4, report.errors());
        assertEquals("execution_refused names a decision that is not logged before it",
                report.findings().get(2).detail());
    }

    @Test
    void startWithoutOutcomeIsAWarningNamingWhereItStarted() throws Exception {
        String[] id = new String[1];
        long[] seq = new long[1];
        LinkageReport report = check(log -> {
            for (int i = 0; i < 30; i++) {
                String done = log.allowed(LOCAL);
                log.started(done);
                log.completed(done, LOCAL, "direct");
            }
            id[0] = log.allowed(LOCAL);
            seq[0] = log.started(id[0]);
        });

        assertTrue(report.ok(), "a warning does not fail the log");
        assertEquals(0, report.errors());
        assertEquals(1, report.warnings());
        LinkageFinding finding = report.findings().getFirst();
        LogEntry started = TestLogs.entry(dir, seq[0]);
        assertEquals(new LinkageFinding(Kind.STARTED_NO_OUTCOME, started.file().getFileName().toString(),
                started.lineNumber(), seq[0], id[0],
                "execution started and no execution record follows (expected only after a crash)"), finding);
        assertEquals(LinkageFinding.Severity.WARNING, finding.severity());
    }

    @Test
    void findingsNameTheSegmentFileAndLineAcrossSegments() throws Exception {
        long[] seq = new long[1];
        String[] id = new String[1];
        try (ExecutionLogWriter log = new ExecutionLogWriter(dir, 2_000)) {
            for (int i = 0; i < 10; i++) {
                log.allowed(LOCAL);
            }
            id[0] = log.allowed(LOCAL);
            seq[0] = log.started(id[0]);
        }
        assertTrue(TestLogs.segmentFiles(dir).size() >= 3);
        LinkageChecker checker = new LinkageChecker();
        new ChainVerifier().verify(dir, checker);
        LinkageFinding finding = checker.finish(true).findings().getFirst();

        LogEntry started = TestLogs.entry(dir, seq[0]);
        assertEquals(started.file().getFileName().toString(), finding.file());
        assertEquals(started.lineNumber(), finding.line());
        assertTrue(started.lineNumber() < seq[0], "the line counts within the segment, not across the log");
        assertTrue(finding.render().startsWith("WARNING " + finding.file() + ":" + finding.line() + " seq " + seq[0]
                + " decision " + id[0] + ": started-no-outcome: "), finding.render());
    }

    @Test
    void aSecondOutcomeForOneStartIsAnError() throws Exception {
        String[] id = new String[1];
        long[] second = new long[1];
        LinkageReport report = check(log -> {
            id[0] = log.allowed(LOCAL);
            log.started(id[0]);
            log.completed(id[0], LOCAL, "direct");
            second[0] = log.failed(id[0], LOCAL, "destination-timeout");
        });

        assertEquals(List.of(new Seen(Kind.DUPLICATE_OUTCOME, second[0], id[0])), seen(report));
        assertFalse(report.ok());
    }

    @Test
    void aTokenStartedTwiceIsAnError() throws Exception {
        String[] id = new String[1];
        long[] second = new long[1];
        LinkageReport report = check(log -> {
            id[0] = log.allowed(LOCAL);
            log.started(id[0]);
            log.completed(id[0], LOCAL, "direct");
            second[0] = log.started(id[0]);
            log.completed(id[0], LOCAL, "direct");
        });

        assertEquals(List.of(new Seen(Kind.STARTED_TWICE, second[0], id[0])), seen(report),
                "each start has its outcome, so only the second start is wrong");
    }

    @Test
    void anOutcomeWithoutAStartIsAnError() throws Exception {
        String[] id = new String[1];
        long[] outcome = new long[1];
        LinkageReport report = check(log -> {
            id[0] = log.allowed(LOCAL);
            outcome[0] = log.completed(id[0], LOCAL, "direct");
        });

        assertEquals(List.of(new Seen(Kind.OUTCOME_WITHOUT_START, outcome[0], id[0])), seen(report));
    }

    @Test
    void executingADecisionThatWasNotAllowedIsAnError() throws Exception {
        String[] id = new String[1];
        long[] started = new long[1];
        long[] outcome = new long[1];
        LinkageReport report = check(log -> {
            id[0] = log.decision("deny", ExecutionLogWriter.LATER);
            started[0] = log.started(id[0]);
            outcome[0] = log.completed(id[0], LOCAL, "direct");
        });

        assertEquals(List.of(new Seen(Kind.NOT_ALLOWED, started[0], id[0]),
                new Seen(Kind.DESTINATION_NOT_PERMITTED, outcome[0], id[0])), seen(report));
        assertEquals("execution (completed) went to slm-local; the decision permitted none",
                report.findings().get(1).detail());
    }

    @Test
    void anAnswerOrValidationFromADestinationNotPermittedIsAnErrorEvenOffline() throws Exception {
        String[] id = new String[2];
        long[] seq = new long[3];
        LinkageReport report = check(log -> {
            id[0] = log.allowed(LOCAL);
            log.started(id[0]);
            seq[0] = log.offline(id[0], "slm-other");
            seq[1] = log.validation(id[0], CLOUD);
            id[1] = log.allowed(LOCAL, CLOUD);
            log.started(id[1]);
            seq[2] = log.failed(id[1], "cloud-us", "destination-timeout");
        });

        assertEquals(List.of(new Seen(Kind.DESTINATION_NOT_PERMITTED, seq[0], id[0]),
                new Seen(Kind.DESTINATION_NOT_PERMITTED, seq[1], id[0]),
                new Seen(Kind.DESTINATION_NOT_PERMITTED, seq[2], id[1])), seen(report));
        assertEquals("execution (completed) went to slm-other; the decision permitted [slm-local]",
                report.findings().get(0).detail());
        assertEquals("validation went to cloud-eu; the decision permitted [slm-local]",
                report.findings().get(1).detail());
    }

    @Test
    void aStartAtOrAfterTheDecisionsExpiryIsAnErrorAndOneJustBeforeIsNot() throws Exception {
        String[] id = new String[2];
        long[] seq = new long[1];
        LinkageReport report = check(log -> {
            id[0] = log.decision("allow", NOW.toString(), LOCAL);
            seq[0] = log.started(id[0]);
            log.completed(id[0], LOCAL, "direct");
            id[1] = log.decision("allow", NOW.plusNanos(1_000).toString(), LOCAL);
            log.started(id[1]);
            log.completed(id[1], LOCAL, "direct");
        });

        assertEquals(List.of(new Seen(Kind.STARTED_AFTER_EXPIRY, seq[0], id[0])), seen(report));
        assertEquals("started at 2025-01-02T03:04:05Z, 0.000 ms after the decision expired at 2025-01-02T03:04:05Z",
                report.findings().getFirst().detail());
    }

    @Test
    void queuedValidationsWithoutAValidationAreCountedAndAnUnqueuedValidationIsAWarning() throws Exception {
        String[] id = new String[2];
        long[] unexpected = new long[1];
        LinkageReport report = check(log -> {
            id[0] = log.allowed(LOCAL, CLOUD);
            log.started(id[0]);
            log.offline(id[0], LOCAL);
            id[1] = log.allowed(LOCAL, CLOUD);
            log.started(id[1]);
            log.completed(id[1], CLOUD, "direct");
            unexpected[0] = log.validation(id[1], CLOUD);
        });

        assertEquals(1, report.validationsPending());
        assertEquals(List.of(new Seen(Kind.UNEXPECTED_VALIDATION, unexpected[0], id[1])), seen(report));
        assertTrue(report.ok());
    }

    @Test
    void aRepeatedDecisionIdAndRecordsWithoutADecisionIdAreErrors() throws Exception {
        String[] id = new String[1];
        long[] seq = new long[2];
        LinkageReport report = check(log -> {
            id[0] = log.allowed(LOCAL);
            seq[0] = log.decisionWithId(id[0], "allow", ExecutionLogWriter.LATER, CLOUD);
            seq[1] = log.started(null);
        });

        assertEquals(List.of(new Seen(Kind.DUPLICATE_DECISION, seq[0], id[0]),
                new Seen(Kind.MALFORMED_RECORD, seq[1], null)), seen(report));
        assertEquals("execution_started record without a decision_id", report.findings().get(1).detail());
    }

    @Test
    void afterAChainFailureOnlyTheIntactPrefixIsCheckedAndNoStartCountsAsUnended() throws Exception {
        long[] tampered = new long[1];
        try (ExecutionLogWriter log = new ExecutionLogWriter(dir, TestLogs.ONE_MIB)) {
            String id = log.allowed(LOCAL);
            log.started(id);
            tampered[0] = log.completed(id, LOCAL, "direct");
            log.started("0190d6a0-0000-7000-8000-00000000dead");
        }
        LogEntry entry = TestLogs.entry(dir, tampered[0]);
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
}
