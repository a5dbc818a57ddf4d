package dev.tollgate.audit;

import dev.tollgate.PolicyEngines;
import dev.tollgate.policy.drools.DroolsPolicyCompiler;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay re-decides logged decisions: identical under the recorded versions, and explains a candidate's changes. */
class ReplayTest {
    private static final String DENY_FAQ = """
            package tollgate.candidate;

            import dev.tollgate.facts.RequestFacts;

            global dev.tollgate.policy.drools.VerdictCollector verdict;

            rule "gdpr.candidate.no-faq"
                @basis("Candidate policy under review")
                @message("FAQ requests are refused under the candidate policy")
            when
                RequestFacts(taskType == "faq")
            then
                verdict.deny(kcontext);
            end
            """;

    @TempDir
    static Path shared;
    private static Path data;
    private static int faqs;

    @BeforeAll
    static void decideSamples() {
        try (TestService service = TestService.start()) {
            data = service.dataDir();
            for (int round = 0; round < 3; round++) {
                for (String body : Samples.BODIES) {
                    assertEquals(200, service.decide(TestService.CLAIMS_KEY, body).statusCode());
                    faqs += body.contains("\"faq\"") ? 1 : 0;
                }
            }
        }
    }

    private static Replayer replayer() {
        return new Replayer(new PolicyStore(data.resolve("policy-store")), PolicyEngines.replayCompilers());
    }

    @Test
    void replayUnderRecordedVersionsMatchesEveryDecision() throws Exception {
        ReplayReport report = ReplayReport.of(replayer().replay(data.resolve("log")));
        assertEquals(3 * Samples.BODIES.size(), report.decisions());
        assertEquals(0, report.mismatches(), report.render(false));
    }

    @Test
    void candidatePolicyReportsWhatWouldChange() throws Exception {
        Path candidate = TestService.copyPolicies(shared.resolve("candidate"));
        Files.writeString(candidate.resolve("gdpr/candidate.drl"), DENY_FAQ);
        ReplayReport report = ReplayReport.of(replayer().replay(data.resolve("log"),
                List.of(new DroolsPolicyCompiler().compile(candidate))));

        assertEquals(faqs, report.mismatches(), report.render(true));
        assertEquals(Map.of("allow -> deny", faqs), report.effectChanges());
        assertEquals(Map.of("gdpr.candidate.no-faq", faqs), report.rulesAdded());
        assertEquals(Map.of("slm-local -> none", faqs), report.routeChanges());
        assertTrue(report.render(true).contains("Decisions affected:"));
    }
}
