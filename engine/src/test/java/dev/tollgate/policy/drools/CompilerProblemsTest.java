package dev.tollgate.policy.drools;

import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompilerProblemsTest {
    private static final String GOOD_RULE = """
            rule "gdpr.good"
                @basis("GDPR Art. 9(1)")
                @message("A rule that is fine")
            when
                DataFacts( specialCategory )
            then
                verdict.cite(kcontext);
            end
            """;

    @TempDir
    Path dir;

    private List<PolicyProblem> problems() {
        return assertThrows(PolicyLoadException.class, () -> new DroolsPolicyCompiler().compile(dir)).problems();
    }

    @Test
    void drlSyntaxErrorIsReportedWithFileAndLine() {
        PolicyDir.write(dir, "gdpr/gdpr.drl", PolicyDir.HEADER + PolicyDir.SYNTAX_ERROR_RULE);

        List<PolicyProblem> problems = problems();

        assertEquals(1, problems.size(), problems::toString);
        assertEquals("gdpr/gdpr.drl", problems.getFirst().file());
        assertEquals(8, problems.getFirst().line());
    }

    @Test
    void unknownFieldInAConditionIsReportedWithItsLine() {
        PolicyDir.write(dir, "gdpr/gdpr.drl", PolicyDir.HEADER + GOOD_RULE.replace("specialCategory", "specialCategories"));

        PolicyProblem problem = problems().getFirst();

        assertEquals("gdpr/gdpr.drl", problem.file());
        assertEquals(8, problem.line());
        assertTrue(problem.message().contains("specialCategories"), problem.message());
    }

    @Test
    void ruleWithoutBasisIsReportedAtItsDeclaration() {
        PolicyDir.write(dir, "gdpr/gdpr.drl", PolicyDir.HEADER + GOOD_RULE + "\n" + """
                rule "gdpr.no-basis"
                    @message("Has no basis")
                when
                    DataFacts( personalData )
                then
                    verdict.cite(kcontext);
                end
                """);

        assertEquals(List.of(new PolicyProblem("gdpr/gdpr.drl", 13, "rule 'gdpr.no-basis' has no @basis(\"...\")")),
                problems());
    }

    @Test
    void ruleIdOutsideThePacksPrefixIsReported() {
        PolicyDir.write(dir, "eu-ai-act/ai-act.drl", PolicyDir.HEADER + GOOD_RULE.replace("gdpr.good", "eu-ai-act.art5"));

        PolicyProblem problem = problems().getFirst();

        assertEquals("eu-ai-act/ai-act.drl", problem.file());
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("starting with 'ai-act.'"), problem.message());
    }

    @Test
    void ruleIdThatIsNotDottedIsReported() {
        PolicyDir.write(dir, "gdpr/gdpr.drl", PolicyDir.HEADER + GOOD_RULE.replace("gdpr.good", "gdpr.Special Category"));

        assertEquals(4, problems().getFirst().line());
    }

    @Test
    void packPrefixesCanBeConfigured() throws Exception {
        PolicyDir.write(dir, "privacy/gdpr.drl", PolicyDir.HEADER + GOOD_RULE);

        assertEquals(Map.of("privacy", 1), new DroolsPolicyCompiler(Map.of("privacy", "gdpr")).compile(dir).ruleCounts());
    }

    @Test
    void unsupportedFilesAndStrayFilesAreReported() {
        PolicyDir.write(dir, "gdpr/gdpr.drl", PolicyDir.HEADER + GOOD_RULE);
        PolicyDir.write(dir, "gdpr/notes.txt", "to do");
        PolicyDir.write(dir, "gdpr/old/gdpr.drl", "");
        PolicyDir.write(dir, "rules.drl", "");

        List<String> files = problems().stream().map(PolicyProblem::file).toList();

        assertEquals(List.of("gdpr/notes.txt", "gdpr/old/gdpr.drl", "rules.drl"), files);
    }

    @Test
    void hiddenFilesAndTheTopLevelReadmeAreNotPolicy() throws Exception {
        PolicyDir.write(dir, "gdpr/gdpr.drl", PolicyDir.HEADER + GOOD_RULE);
        PolicyDir.write(dir, "gdpr/.gdpr.drl.swp", "editor state");
        PolicyDir.write(dir, ".git/config", "[core]");
        PolicyDir.write(dir, "README.md", "# Policies");

        assertEquals(Map.of("gdpr", 1), new DroolsPolicyCompiler().compile(dir).ruleCounts());
    }

    @Test
    void referenceDataWithoutSourceOrDateIsReported() {
        PolicyDir.write(dir, "gdpr/gdpr.drl", PolicyDir.HEADER + GOOD_RULE);
        PolicyDir.write(dir, "gdpr/reference.json", """
                {
                  "retrieved": "last week",
                  "sets": {"eea": ["AT", 3]}
                }
                """);

        assertEquals(List.of(
                new PolicyProblem("gdpr/reference.json", 0, "missing \"source\": say where the reference data comes from"),
                new PolicyProblem("gdpr/reference.json", 2, "\"retrieved\" must be a date as YYYY-MM-DD, not \"last week\""),
                new PolicyProblem("gdpr/reference.json", 3, "set \"eea\" must be a list of non-empty strings")),
                problems());
    }

    @Test
    void aCountryListMayOnlyHoldIsoCodes() {
        PolicyDir.write(dir, "gdpr/gdpr.drl", PolicyDir.HEADER + GOOD_RULE);
        PolicyDir.write(dir, "gdpr/reference.json", """
                {
                  "source": "x",
                  "retrieved": "2026-01-01",
                  "sets": {"eea": ["AT",
                                   "UK"],
                           "adequacy": ["CH"]}
                }
                """);

        assertEquals(List.of(new PolicyProblem("gdpr/reference.json", 5,
                "set \"eea\" holds \"UK\", which is not an ISO 3166-1 alpha-2 country code")), problems());
    }

    @Test
    void referenceDataThatIsNotJsonIsReportedWithItsLine() {
        PolicyDir.write(dir, "gdpr/gdpr.drl", PolicyDir.HEADER + GOOD_RULE);
        PolicyDir.write(dir, "gdpr/reference.json", "{\n  \"source\": \"x\",\n  \"retrieved\": 2026-01-01\n}\n");

        PolicyProblem problem = problems().getFirst();

        assertEquals("gdpr/reference.json", problem.file());
        assertEquals(3, problem.line());
    }

    @Test
    void packWithoutTheVerdictGlobalIsReported() {
        PolicyDir.write(dir, "gdpr/gdpr.drl", "package test;\nimport dev.tollgate.facts.*;\n" + GOOD_RULE
                .replace("verdict.cite(kcontext);", "System.out.println(\"fired\");"));

        PolicyProblem problem = problems().getFirst();

        assertEquals("gdpr", problem.file());
        assertTrue(problem.message().contains("global dev.tollgate.policy.drools.VerdictCollector verdict"), problem.message());
    }

    @Test
    void everyBrokenPackIsReportedInOneLoad() {
        PolicyDir.write(dir, "gdpr/gdpr.drl", PolicyDir.HEADER + GOOD_RULE.replace("@basis(\"GDPR Art. 9(1)\")", ""));
        PolicyDir.write(dir, "routing/fallback.drl", PolicyDir.HEADER + "rule \"routing.fallback\" when then end\n");

        List<PolicyProblem> problems = problems();

        assertEquals(List.of("gdpr/gdpr.drl", "routing/fallback.drl", "routing/fallback.drl"),
                problems.stream().map(PolicyProblem::file).toList(), problems::toString);
    }

    @Test
    void missingDirectoryIsReported() {
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> new DroolsPolicyCompiler().compile(dir.resolve("absent")));

        assertEquals(".", e.problems().getFirst().file());
    }
}
