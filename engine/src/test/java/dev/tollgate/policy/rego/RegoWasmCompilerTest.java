package dev.tollgate.policy.rego;

import dev.tollgate.facts.DataFacts;
import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.EntityCount;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.RequestFacts;
import dev.tollgate.facts.SubjectFacts;
import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.PackDigest;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.PolicyFiles;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;
import dev.tollgate.policy.Reason;
import dev.tollgate.policy.RouteChoice;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.terms.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegoWasmCompilerTest {
    static final DestinationFacts SLM_LOCAL = new DestinationFacts("slm-local", "slm", "DE", "tollgate", true, false, false, false, true, true, false, false);
    static final DestinationFacts CLOUD_EU = new DestinationFacts("cloud-eu", "cloud", "IE", "eu-provider", true, false, false, false, true, false, false, false);
    static final DestinationFacts CLOUD_US = new DestinationFacts("cloud-us", "cloud", "US", "us-provider", true, false, false, false, true, false, false, false);

    /** The core issue's German patient: a person's name and health data, to be summarised. */
    static Facts germanPatient() {
        return new Facts(
                new RequestFacts("claims-assistant", "staff", "claims_handling", "none", "NONE", "DE", "summarize", 14, "deu", 1, 0, false),
                new SubjectFacts("DE"),
                new DataFacts(true, List.of("PERSON"), List.of(new EntityCount("PERSON", 1)), List.of("health"), true, List.of()),
                List.of(SLM_LOCAL, CLOUD_EU, CLOUD_US));
    }

    @Test
    void shippedBundleLoadsEveryPackWithItsRules() throws Exception {
        RegoWasmPolicy policy = ShippedBundle.wasm();
        assertEquals("rego", policy.engine());
        assertEquals(Map.of("confidentiality", 2, "data-residency", 3, "eu-ai-act", 14, "gdpr", 4, "routing", 15),
                policy.ruleCounts());
        assertEquals(PackDigest.of(ShippedBundle.dir(), PolicyFiles.list(ShippedBundle.dir())), policy.digest());
        assertEquals("2026-12-06.2", policy.revision());
    }

    @Test
    void germanPatientStaysOnDeviceForGdprArticle9() throws Exception {
        List<PartialVerdict> verdicts = ShippedBundle.wasm().evaluate(germanPatient());
        assertEquals(List.of("confidentiality", "data-residency", "eu-ai-act", "gdpr", "routing"),
                verdicts.stream().map(PartialVerdict::pack).toList());
        PartialVerdict gdpr = verdicts.get(3);
        assertEquals(List.of("cloud-eu", "cloud-us"), gdpr.forbidden());
        assertEquals(List.of(new Obligation(ObligationType.MASK, List.of("PERSON"), DestinationKind.CLOUD)), gdpr.obligations());
        assertTrue(gdpr.reasons().contains(new Reason("gdpr.art9.local-only", "rego", "gdpr", "GDPR Art. 9(1)",
                "Special category data (GDPR Art. 9) detected: on-device model only")));
        assertEquals(new RouteChoice("slm-local", Strategy.CASCADE, 0.55, "routing.summarize"), verdicts.get(4).route());
        assertEquals(List.of("cloud-us"), verdicts.get(1).forbidden());
        assertEquals(List.of("cloud-eu", "cloud-us"), verdicts.get(0).forbidden(), "health data about a person is regulated");
    }

    @Test
    void concurrentEvaluationsGiveTheSameVerdictsAsOneAtATime() throws Exception {
        RegoWasmPolicy policy = ShippedBundle.wasm();
        List<Facts> facts = FactsArbitraries.facts().sampleStream().limit(200).toList();
        List<List<PartialVerdict>> serial = facts.stream().map(policy::evaluate).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<PartialVerdict>>> tasks = IntStream.range(0, facts.size())
                    .<Callable<List<PartialVerdict>>>mapToObj(i -> () -> policy.evaluate(facts.get(i))).toList();
            List<Future<List<PartialVerdict>>> results = pool.invokeAll(tasks);
            for (int i = 0; i < facts.size(); i++) {
                assertEquals(serial.get(i), results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void regoThatDoesNotCompileIsRefusedWithFileAndLine(@TempDir Path tmp) throws Exception {
        Path bundle = ShippedBundle.copy(tmp);
        Files.writeString(bundle.resolve("gdpr.rego"), Files.readString(bundle.resolve("gdpr.rego"))
                .replace("fired contains local_only_rule if count(local_only) > 0",
                        "fired contains local_only_rule if count(local_onlyy) > 0"));
        PolicyLoadException refused = assertThrows(PolicyLoadException.class,
                () -> new RegoWasmCompiler(ShippedBundle.opa(), 1).compile(bundle));
        PolicyProblem problem = refused.problems().getFirst();
        assertEquals("gdpr.rego", problem.file());
        assertEquals(brokenLine(bundle.resolve("gdpr.rego"), "count(local_onlyy)"), problem.line(), problem::toString);
        assertTrue(problem.message().contains("local_onlyy"), problem.message());
    }

    private static int brokenLine(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void strictCheckProblemsRefuseTheBundle(@TempDir Path tmp) throws Exception {
        Path bundle = ShippedBundle.copy(tmp);
        Files.writeString(bundle.resolve("extra.rego"), "package tollgate.extra\n\nimport data.tollgate.unused\n");
        PolicyLoadException refused = assertThrows(PolicyLoadException.class,
                () -> new RegoWasmCompiler(ShippedBundle.opa(), 1).compile(bundle));
        assertEquals(new PolicyProblem("extra.rego", 3, "rego_compile_error: import data.tollgate.unused unused"),
                refused.problems().getFirst());
    }

    @Test
    void invalidManifestIsRefused(@TempDir Path tmp) throws Exception {
        Path bundle = ShippedBundle.copy(tmp);
        Files.writeString(bundle.resolve(".manifest"), "{\n  \"revision\": \"x\",\n  \"roots\": [\"tollgate\"\n");
        PolicyLoadException refused = assertThrows(PolicyLoadException.class,
                () -> new RegoWasmCompiler(ShippedBundle.opa(), 1).compile(bundle));
        assertEquals(".manifest", refused.problems().getFirst().file());
        assertEquals(4, refused.problems().getFirst().line());
    }

    @Test
    void manifestWhoseRootsDoNotCoverThePacksIsRefused(@TempDir Path tmp) throws Exception {
        Path bundle = ShippedBundle.copy(tmp);
        Files.writeString(bundle.resolve(".manifest"), "{\"revision\": \"x\", \"roots\": [\"elsewhere\"]}");
        PolicyLoadException refused = assertThrows(PolicyLoadException.class,
                () -> new RegoWasmCompiler(ShippedBundle.opa(), 1).compile(bundle));
        assertTrue(refused.getMessage().contains("roots"), refused.getMessage());
    }

    @Test
    void bundleWithoutManifestLoadsWithoutRevision(@TempDir Path tmp) throws Exception {
        Path bundle = ShippedBundle.copy(tmp);
        Files.delete(bundle.resolve(".manifest"));
        RegoWasmPolicy policy = new RegoWasmCompiler(ShippedBundle.opa(), 1).compile(bundle);
        assertEquals("", policy.revision());
        // The manifest is part of the policy version, so dropping it gives another version.
        assertNotEquals(ShippedBundle.wasm().digest(), policy.digest());
        assertEquals(ShippedBundle.wasm().evaluate(germanPatient()), policy.evaluate(germanPatient()));
    }

    @Test
    void ruleWithoutMessageIsRefused(@TempDir Path tmp) throws Exception {
        Path bundle = ShippedBundle.copy(tmp);
        Files.writeString(bundle.resolve("routing.rego"), Files.readString(bundle.resolve("routing.rego"))
                .replace("\"message\": \"Inputs longer than 2048 tokens go to the EU cloud model\"", "\"message\": \"\""));
        PolicyLoadException refused = assertThrows(PolicyLoadException.class,
                () -> new RegoWasmCompiler(ShippedBundle.opa(), 1).compile(bundle));
        assertEquals(List.of(new PolicyProblem("tollgate/routing", 0, "rule routing.long-input has no message")),
                refused.problems());
    }
}
