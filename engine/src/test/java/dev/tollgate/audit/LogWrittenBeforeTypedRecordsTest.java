package dev.tollgate.audit;

import dev.tollgate.replay.ReplayReport;
import dev.tollgate.replay.Replayer;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A log written by the service before log records had types and a format version (decisions allowed and denied,
 * executions static and offline, refusals, a validation; both engines) still verifies and replays.
 */
class LogWrittenBeforeTypedRecordsTest {
    private static final Path FIXTURE = TestService.ROOT.resolve("engine/src/test/resources/audit/log-before-typed-records");

    @Test
    void itsChainAndLinkageVerify() throws Exception {
        LinkageChecker linkage = new LinkageChecker();
        VerifyReport chain = new ChainVerifier().verify(FIXTURE.resolve("log"), linkage);
        LinkageReport report = linkage.finish(true);

        assertTrue(chain.ok(), chain.render());
        assertEquals(22, chain.recordsChecked());
        assertTrue(report.ok(), report.render());
        assertEquals(0, report.warnings(), report.render());
        assertEquals(Map.of("decision", 11L, "execution", 3L, "execution_refused", 4L, "execution_started", 3L,
                "validation", 1L), report.recordsByType());
        assertEquals(Map.of("slm-local / static", 2L, "slm-local / offline", 1L), report.executionsByRoute());
        assertEquals(Map.of("token-used", 3L, "token-invalid", 1L), report.refusalsByProblem());
        assertEquals(0, report.validationsPending());
    }

    @Test
    void everyDecisionReplaysToItsRecordedOutcome() throws Exception {
        Replayer replayer = new Replayer(new PolicyStore(FIXTURE.resolve("policy-store")),
                PolicyEngines.replayCompilers());
        ReplayReport report = ReplayReport.of(replayer.replay(FIXTURE.resolve("log")));

        assertEquals(11, report.decisions());
        assertEquals(0, report.mismatches(), report.render(false));
        assertEquals(List.of(), report.changedByLogicIds(), "its records name no logic versions: compared as always");
    }
}
