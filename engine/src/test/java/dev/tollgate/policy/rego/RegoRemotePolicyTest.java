package dev.tollgate.policy.rego;

import dev.tollgate.facts.Facts;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.testing.OpaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Rego packs evaluated by a real OPA server agree with the embedded Wasm evaluation, and carry OPA's ids. */
class RegoRemotePolicyTest {
    static final int DOCUMENTS = 500;

    private static LocalOpaServer opa;
    private static RegoRemotePolicy remote;

    @BeforeAll
    static void startOpa() throws PolicyLoadException {
        opa = OpaServer.start(ShippedBundle.dir());
        remote = new RegoRemoteCompiler(opa.url(), Duration.ofSeconds(5)).compile(ShippedBundle.dir());
    }

    @AfterAll
    static void stopOpa() {
        opa.close();
    }

    /** A copy of the shipped bundle whose manifest names another revision. */
    static Path withRevision(String revision) {
        try {
            Path bundle = ShippedBundle.copy(Files.createTempDirectory("tollgate-bundle-"));
            Files.writeString(bundle.resolve(".manifest"), "{\"revision\": \"" + revision + "\", \"roots\": [\"tollgate\"]}");
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void versionIsTheLocalBundleCheckedAgainstTheServer() throws Exception {
        assertEquals("rego", remote.engine());
        assertEquals(ShippedBundle.wasm().digest(), remote.digest());
        assertEquals("2026-12-06.2", remote.revision());
        assertEquals(ShippedBundle.wasm().ruleCounts(), remote.ruleCounts());
    }

    @Test
    void everyVerdictCarriesOpasOwnDecisionId() {
        List<PartialVerdict> verdicts = remote.evaluate(RegoWasmCompilerTest.germanPatient());
        Set<String> ids = new HashSet<>();
        for (PartialVerdict verdict : verdicts) {
            assertTrue(verdict.engineDecisionId() != null
                    && verdict.engineDecisionId().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                    "OPA decision id of " + verdict.pack() + ": " + verdict.engineDecisionId());
            ids.add(verdict.engineDecisionId());
        }
        assertEquals(verdicts.size(), ids.size(), "one OPA decision per pack");
    }

    @Test
    void remoteAndEmbeddedAgreeOnRandomFacts() throws Exception {
        RegoWasmPolicy wasm = ShippedBundle.wasm();
        List<Facts> documents = FactsArbitraries.facts().sampleStream().limit(DOCUMENTS).toList();
        for (Facts facts : documents) {
            List<PartialVerdict> byServer = remote.evaluate(facts).stream()
                    .map(v -> new PartialVerdict(v.engine(), v.pack(), v.deny(), v.forbidden(), v.obligations(), v.route(),
                            v.reasons(), null, v.deniedBy()))
                    .toList();
            assertEquals(wasm.evaluate(facts), byServer, () -> "remote and embedded Rego differ for "
                    + new DroolsRegoParityTest.FactsDocument(facts));
        }
    }

    @Test
    void serverServingAnotherRevisionIsRefused() {
        PolicyLoadException refused = assertThrows(PolicyLoadException.class,
                () -> new RegoRemoteCompiler(opa.url(), Duration.ofSeconds(5)).compile(withRevision("2020-01-01.9")));
        assertTrue(refused.getMessage().contains("serves bundle revision(s) [2026-12-06.2], not 2020-01-01.9"),
                refused.getMessage());
    }
}
