package dev.tollgate.policy.rego;

import dev.tollgate.policy.Outcome;
import dev.tollgate.decision.PolicyEvaluation;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.EngineException;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.Reason;
import dev.tollgate.terms.Effect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A remote OPA that is down, slow, failing or answering nonsense fails the decision closed, with a reason
 * that names the failure and carries nothing of the input.
 */
class RegoRemoteFaultsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private static RegoRemotePolicy compileAgainst(URI url) throws PolicyLoadException {
        return new RegoRemoteCompiler(url, TIMEOUT).compile(ShippedBundle.dir());
    }

    private static EngineException failureOf(FakeOpa.Fault fault) throws Exception {
        try (FakeOpa opa = new FakeOpa(fault)) {
            RegoRemotePolicy policy = compileAgainst(opa.url());
            return assertThrows(EngineException.class, () -> policy.evaluate(RegoWasmCompilerTest.germanPatient()));
        }
    }

    @Test
    void http500IsNamed() throws Exception {
        EngineException e = failureOf(FakeOpa.Fault.HTTP_500);
        assertTrue(e.getMessage().matches("OPA at http://127\\.0\\.0\\.1:\\d+ answered HTTP 500 for tollgate/\\w+/verdict"),
                e.getMessage());
    }

    @Test
    void malformedJsonIsNamed() throws Exception {
        assertTrue(failureOf(FakeOpa.Fault.GARBAGE).getMessage().contains("answered malformed JSON for tollgate/"));
    }

    @Test
    void undefinedResultIsNamed() throws Exception {
        assertTrue(failureOf(FakeOpa.Fault.UNDEFINED).getMessage().contains("has no result for tollgate/"));
    }

    @Test
    void slowAnswerTimesOutAfterTheConfiguredTimeout() throws Exception {
        Instant start = Instant.now();
        EngineException e = failureOf(FakeOpa.Fault.SLOW);
        Duration took = Duration.between(start, Instant.now());
        assertTrue(e.getMessage().contains("timed out after 200 ms"), e.getMessage());
        assertTrue(took.compareTo(Duration.ofMillis(1_500)) < 0, "gave up only after " + took);
    }

    @Test
    void closedConnectionIsNamed() throws Exception {
        assertTrue(failureOf(FakeOpa.Fault.CLOSE).getMessage().contains("closed the connection without an answer"));
    }

    @Test
    void serverThatWentDownIsNamed() throws Exception {
        RegoRemotePolicy policy;
        URI url;
        try (FakeOpa opa = new FakeOpa(FakeOpa.Fault.HTTP_500)) {
            url = opa.url();
            policy = compileAgainst(url);
        }
        EngineException e = assertThrows(EngineException.class, () -> policy.evaluate(RegoWasmCompilerTest.germanPatient()));
        assertTrue(e.getMessage().startsWith("OPA at " + url + " "), e.getMessage());
        assertTrue(e.getMessage().contains("unreachable") || e.getMessage().contains("closed the connection"), e.getMessage());
    }

    @Test
    void failureDeniesTheDecisionWithAReasonFreeOfInput() throws Exception {
        try (FakeOpa opa = new FakeOpa(FakeOpa.Fault.HTTP_500)) {
            RegoRemotePolicy policy = compileAgainst(opa.url());
            Facts facts = RegoWasmCompilerTest.germanPatient();
            Outcome outcome = PolicyEvaluation.evaluate(List.of(policy), facts).outcome();
            assertEquals(Effect.DENY, outcome.effect());
            Reason reason = outcome.reasons().getFirst();
            assertEquals("tollgate.engine-failure", reason.rule());
            assertTrue(reason.message().contains("answered HTTP 500"), reason.message());
            for (String value : List.of("claims-assistant", "PERSON", "health", "cloud-us")) {
                assertFalse(reason.message().contains(value), "reason quotes the input: " + reason.message());
            }
        }
    }

    @Test
    void serverDownAtLoadIsRefused() throws Exception {
        URI url;
        try (FakeOpa opa = new FakeOpa(FakeOpa.Fault.HTTP_500)) {
            url = opa.url();
        }
        PolicyLoadException refused = assertThrows(PolicyLoadException.class, () -> compileAgainst(url));
        assertTrue(refused.getMessage().contains("OPA at " + url), refused.getMessage());
    }

    @Test
    void serverWithAnotherRevisionIsRefused() throws Exception {
        try (FakeOpa opa = new FakeOpa(FakeOpa.Fault.HTTP_500)) {
            PolicyLoadException refused = assertThrows(PolicyLoadException.class,
                    () -> new RegoRemoteCompiler(opa.url(), TIMEOUT).compile(RegoRemotePolicyTest.withRevision("other")));
            assertEquals(".manifest", refused.problems().getFirst().file());
            assertTrue(refused.getMessage().contains("serves bundle revision(s) [" + FakeOpa.REVISION + "], not other"),
                    refused.getMessage());
        }
    }

    @Test
    void answersAgainOnceTheServerDoes() throws Exception {
        try (FakeOpa opa = new FakeOpa(FakeOpa.Fault.HTTP_500)) {
            RegoRemotePolicy policy = compileAgainst(opa.url());
            assertThrows(EngineException.class, () -> policy.evaluate(RegoWasmCompilerTest.germanPatient()));
            opa.fault(FakeOpa.Fault.NONE);
            List<PartialVerdict> verdicts = policy.evaluate(RegoWasmCompilerTest.germanPatient());
            assertEquals(List.of("confidentiality", "data-residency", "eu-ai-act", "gdpr", "routing"),
                    verdicts.stream().map(PartialVerdict::pack).toList());
            assertTrue(verdicts.stream().allMatch(v -> "d-ok".equals(v.engineDecisionId())));
        }
    }
}
