package dev.tollgate.cli;

import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.policy.PolicyFiles;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.tollgate.cli.AuditCommandsTest.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `tollgate policy check|test` on copies of the repository's policy files, as an officer edits them. */
class PolicyCommandTest {
    private static final String GDPR_DRL = "policies/gdpr/gdpr.drl";
    private static final String ROUTING_CSV = "policies/routing/routing.csv";
    /** The scenarios in features/, Scenario Outline examples counted one by one. */
    private static final int SCENARIOS = 70;

    @TempDir
    Path dir;

    /** policies/, opa-bundles/ and features/ of the repository, copied into the test's directory. */
    private Path copy() throws IOException {
        for (String folder : List.of("policies", "opa-bundles", "features")) {
            Path from = TestService.ROOT.resolve(folder);
            for (Path file : PolicyFiles.list(from)) {
                Path to = dir.resolve(folder).resolve(file);
                Files.createDirectories(to.getParent());
                Files.copy(from.resolve(file), to);
            }
        }
        return dir;
    }

    private void replace(String file, String text, String replacement) throws IOException {
        String content = Files.readString(dir.resolve(file));
        assertTrue(content.contains(text), file + " holds " + text);
        Files.writeString(dir.resolve(file), content.replace(text, replacement));
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static AuditCommandsTest.Run check(Path dir) throws Exception {
        return capture(() -> PolicyCheckCommand.run(List.of(dir.toString())));
    }

    /** `policy test` with the NER model the build trained, as ./tollgate passes it. */
    private static AuditCommandsTest.Run test(Path dir, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.addAll(List.of("--ner-model", NerModelCache.modelFile(TestService.ROOT).toString(), dir.toString()));
        return capture(() -> PolicyTestCommand.run(args));
    }

    @Test
    void checkPrintsEachPacksRuleCountPerEngine() throws Exception {
        AuditCommandsTest.Run run = check(copy());

        assertEquals(0, run.exitCode(), run.output());
        assertEquals("""
                policies/ (drools): confidentiality=2 data-residency=3 eu-ai-act=14 gdpr=4 routing=15
                opa-bundles/tollgate/ (rego): confidentiality=2 data-residency=3 eu-ai-act=14 gdpr=4 routing=15
                """, run.output());
    }

    @Test
    void aBrokenDrlLineIsNamedWithItsFileAndLine() throws Exception {
        copy();
        replace(GDPR_DRL, "DestinationFacts( kind != \"slm\" )", "DestinationFacts( kind === \"slm\" )");
        int line = lineOf(dir.resolve(GDPR_DRL), "kind === \"slm\"");

        AuditCommandsTest.Run run = check(dir);

        assertEquals(PolicyCommand.FAILED, run.exitCode(), run.output());
        assertTrue(run.output().contains("policies/ (drools) does not compile, 1 problem:\n  " + GDPR_DRL + ":" + line
                + ": "), run.output());
        assertTrue(run.output().contains("opa-bundles/tollgate/ (rego): confidentiality=2"), run.output());
    }

    @Test
    void aBadCellOfACsvDecisionTableIsNamedByRowAndColumn() throws Exception {
        copy();
        replace(ROUTING_CSV, "\"classify, extract\",1024,", "\"classify, extract\",10 24,");
        int row = lineOf(dir.resolve(ROUTING_CSV), "routing.classify-extract,");

        AuditCommandsTest.Run run = check(dir);

        assertEquals(PolicyCommand.FAILED, run.exitCode(), run.output());
        assertTrue(run.output().contains("  " + ROUTING_CSV + ", row " + row + ", column D (Tokens at most): "),
                run.output());
    }

    @Test
    void aBrokenRegoLineIsNamedWithItsFileAndLine() throws Exception {
        copy();
        Path gdpr = dir.resolve("opa-bundles/tollgate/gdpr.rego");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(gdpr));
        int line = lines.size() + 2;
        lines.add("");
        lines.add("broken_rule if { input.request.role == }");
        Files.write(gdpr, lines);

        AuditCommandsTest.Run run = check(dir);

        assertEquals(PolicyCommand.FAILED, run.exitCode(), run.output());
        assertTrue(run.output().contains("policies/ (drools): confidentiality=2"), run.output());
        assertTrue(run.output().contains("opa-bundles/tollgate/ (rego) does not compile"), run.output());
        assertTrue(run.output().contains("  opa-bundles/tollgate/gdpr.rego:" + line + ": "), run.output());
    }

    @Test
    void aDirectoryWithoutTheLayoutIsAUsageError() throws Exception {
        Files.createDirectories(dir.resolve("policies"));

        AuditCommandsTest.Run run = check(dir);

        assertEquals(TollgateCli.USAGE_ERROR, run.exitCode(), run.output());
    }

    @Test
    void theShippedCopyPassesTheTestOnEveryEngine() throws Exception {
        AuditCommandsTest.Run run = test(copy(), "--samples", "300");

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("rules: every pack has the same rules in drools and rego\n"), run.output());
        assertTrue(run.output().contains("parity: 300 facts documents from seed 1, 0 decided differently"), run.output());
        for (String engine : List.of("drools", "rego-wasm", "rego-remote")) {
            assertTrue(run.output().contains("scenarios on " + engine + ": " + SCENARIOS + " passed, 0 failed\n"),
                    run.output());
        }
        assertTrue(run.output().endsWith("policy test passed\n"), run.output());
    }

    @Test
    void aScenarioOfTheCopyThatFailsIsNamedWithWhatFailed() throws Exception {
        copy();
        // The first scenario, "A patient's diagnosis stays on the device", now expects a denial.
        replace("features/gdpr.feature", "a patient in Germany\n    When the application asks for a decision\n"
                + "    Then the request is allowed\n", "a patient in Germany\n"
                + "    When the application asks for a decision\n    Then the request is denied\n");

        AuditCommandsTest.Run run = test(dir, "--samples", "10", "--engines", "rego-wasm");

        assertEquals(PolicyCommand.FAILED, run.exitCode(), run.output());
        assertTrue(run.output().contains("scenarios on rego-wasm: " + (SCENARIOS - 1) + " passed, 1 failed\n"
                + "  FAILED gdpr.feature:6 A patient's diagnosis stays on the device\n"
                + "    expected <deny> but was <allow>: {\n"), run.output());
        assertTrue(run.output().endsWith("policy test FAILED\n"), run.output());
    }

    @Test
    void anUnknownEngineIsAUsageError() throws Exception {
        AuditCommandsTest.Run run = test(copy(), "--engines", "drools,prolog");

        assertEquals(TollgateCli.USAGE_ERROR, run.exitCode(), run.output());
    }

    @Test
    void aRuleAddedToTheDroolsGdprPackOnlyFailsNamingThePackAndBothCounts() throws Exception {
        copy();
        Files.writeString(dir.resolve(GDPR_DRL), Files.readString(dir.resolve(GDPR_DRL)) + """

                rule "gdpr.drools-only"
                    @basis("GDPR Art. 5(1)(c)")
                    @message("A rule the Rego pack does not have")
                when
                    DataFacts( entityTypes.size() > 20 )
                then
                    verdict.cite(kcontext);
                end
                """);

        AuditCommandsTest.Run run = test(dir, "--samples", "50", "--engines", "drools");

        assertEquals(PolicyCommand.FAILED, run.exitCode(), run.output());
        assertTrue(run.output().contains("policies/ (drools): confidentiality=2 data-residency=3 eu-ai-act=14 gdpr=5"),
                run.output());
        assertTrue(run.output().contains("rules differ between drools and rego:\n"
                + "  gdpr: drools gdpr=5, rego gdpr=4; only in drools: gdpr.drools-only\n"), run.output());
        assertTrue(run.output().endsWith("policy test FAILED\n"), run.output());
    }

    @Test
    void aDecisionTableRowChangedInDroolsOnlyFailsNamingTheFactsAndBothVerdicts() throws Exception {
        copy();
        // Short FAQ questions up to 128 tokens, not 256, go to the on-device model: Rego still says 256.
        replace(ROUTING_CSV, "routing.faq-short,,faq,256,", "routing.faq-short,,faq,128,");

        AuditCommandsTest.Run run = test(dir, "--samples", "3000", "--engines", "drools");

        assertEquals(PolicyCommand.FAILED, run.exitCode(), run.output());
        assertTrue(run.output().contains("rules: every pack has the same rules in drools and rego\n"), run.output());
        assertTrue(run.output().matches("(?s).*parity: 3000 facts documents from seed 1, [1-9]\\d* decided differently.*"),
                run.output());
        assertTrue(run.output().contains("\n  facts: {\"content\":{"), run.output());
        assertTrue(run.output().contains("\"task_type\":\"faq\""), run.output());
        assertTrue(run.output().contains("\n    pack routing\n      drools: {"), run.output());
        assertTrue(run.output().contains("\n      rego:   {"), run.output());
    }
}
