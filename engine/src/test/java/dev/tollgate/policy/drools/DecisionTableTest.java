package dev.tollgate.policy.drools;

import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;
import dev.tollgate.policy.RouteChoice;
import dev.tollgate.terms.Strategy;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.Resource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionTableTest {
    private static final Path ROUTING_CSV = ShippedPolicies.dir().resolve("routing/routing.csv");

    @TempDir
    Path dir;

    @Test
    void csvWrittenAsABareResourceSilentlyCompilesToZeroRules() throws Exception {
        byte[] table = Files.readAllBytes(ROUTING_CSV);
        Resource bare = KieServices.get().getResources().newByteArrayResource(table)
                .setSourcePath("src/main/resources/routing/routing.csv");

        assertEquals(0, ruleCount(bare, "bare"));
        assertEquals(14, ruleCount(DecisionTables.resource("src/main/resources/routing/routing.csv", table), "configured"));
    }

    @Test
    void packThatCompilesToZeroRulesIsRefused() {
        PolicyDir.write(dir, "routing/README.md", "Routing rules live in routing.csv.");
        PolicyDir.write(dir, "routing/fallback.drl", PolicyDir.HEADER + "// the fallback rule was deleted\n");

        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> new DroolsPolicyCompiler().compile(dir));

        assertEquals(List.of(new PolicyProblem("routing", 0, "pack 'routing' compiled to zero rules")), e.problems());
    }

    @Test
    void csvThatIsNotADecisionTableIsRefused() {
        PolicyDir.write(dir, "routing/routing.csv", "task,destination\nfaq,slm-local\n");

        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> new DroolsPolicyCompiler().compile(dir));

        assertEquals(List.of(new PolicyProblem("routing/routing.csv", 0, "decision table: No RuleTable cells in spreadsheet.")),
                e.problems());
    }

    @Test
    void excelTableCompilesLikeTheCsvOne() throws Exception {
        writeAsXlsx(ROUTING_CSV, dir.resolve("routing/routing.xlsx"));

        CompiledPolicy policy = new DroolsPolicyCompiler().compile(dir);

        assertEquals(Map.of("routing", 14), policy.ruleCounts());
        RouteChoice route = policy.evaluate(TestFacts.request().task("reasoning", 100).build()).getFirst().route();
        assertEquals(new RouteChoice("cloud-eu", Strategy.STATIC, null, "routing.complex-task"), route);
        RouteChoice cascade = policy.evaluate(TestFacts.request().task("summarize", 100).build()).getFirst().route();
        assertEquals(new RouteChoice("slm-local", Strategy.CASCADE, 0.55, "routing.summarize"), cascade);
    }

    @Test
    void tablesAtTheSamePathInDifferentDirectoriesCompileIndependently() throws Exception {
        // Drools caches generated DRL by resource path; two versions of routing.csv compiled at once
        // (a reload and a replay of an older version) must not see each other's rows.
        String table = Files.readString(ROUTING_CSV);
        PolicyDir.write(dir.resolve("local"), "routing/routing.csv", table);
        PolicyDir.write(dir.resolve("cloud"), "routing/routing.csv",
                table.replace("routing.faq-short,,faq,256,,,,\"slm-local, static\"", "routing.faq-short,,faq,256,,,,\"cloud-eu, static\""));
        List<Callable<String>> compilations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String variant = i % 2 == 0 ? "local" : "cloud";
            compilations.add(() -> variant + " -> " + new DroolsPolicyCompiler().compile(dir.resolve(variant))
                    .evaluate(TestFacts.request().task("faq", 10).build()).getFirst().route().destination());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<String> result : pool.invokeAll(compilations)) {
                assertTrue(Set.of("local -> slm-local", "cloud -> cloud-eu").contains(result.get()), result.get());
            }
        }
    }

    @Test
    void brokenConditionInARowIsReportedAtThatRow() throws Exception {
        String table = Files.readString(ROUTING_CSV).replace("\"classify, extract\",1024,", "\"classify, extract\",10 24,");
        PolicyDir.write(dir, "routing/routing.csv", table);

        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> new DroolsPolicyCompiler().compile(dir));

        PolicyProblem problem = e.problems().getFirst();
        assertEquals("routing/routing.csv", problem.file());
        assertEquals(lineOf(table, "routing.classify-extract"), problem.line());
        assertTrue(problem.message().startsWith("column D (Tokens at most): "), problem.message());
    }

    @Test
    void brokenActionInARowIsReportedAtItsColumn() throws Exception {
        String table = Files.readString(ROUTING_CSV).replace("\"slm-local, cascade\",0.55,", "\"slm-local, cascade\",0.5.5,");
        PolicyDir.write(dir, "routing/routing.csv", table);

        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> new DroolsPolicyCompiler().compile(dir));

        PolicyProblem problem = e.problems().getFirst();
        assertEquals(lineOf(table, "routing.summarize,"), problem.line(), e.problems()::toString);
        assertTrue(problem.message().startsWith("column I (Escalate below confidence): "), problem.message());
    }

    @Test
    void wrongColumnHeaderIsReportedAtItsRow() throws Exception {
        String table = Files.readString(ROUTING_CSV).replace("NAME,CONDITION,", "NAME,KONDITION,");
        PolicyDir.write(dir, "routing/routing.csv", table);

        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> new DroolsPolicyCompiler().compile(dir));

        assertEquals(1, e.problems().size());
        assertEquals("routing/routing.csv", e.problems().getFirst().file());
        assertEquals(lineOf(table, "NAME,KONDITION,"), e.problems().getFirst().line());
    }

    @Test
    void rowWithoutMessageIsReportedAtThatRow() throws Exception {
        String table = Files.readString(ROUTING_CSV).replace(
                "Tollgate routing policy (cost/latency),Inputs longer than 2048 tokens go to the EU cloud model",
                "Tollgate routing policy (cost/latency),");
        PolicyDir.write(dir, "routing/routing.csv", table);

        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> new DroolsPolicyCompiler().compile(dir));

        assertEquals(List.of(new PolicyProblem("routing/routing.csv", lineOf(table, "routing.long-input"),
                "rule 'routing.long-input' has no @message(\"...\")")), e.problems());
    }

    @Test
    void rowWithoutNameIsReportedAtThatRow() throws Exception {
        String table = Files.readString(ROUTING_CSV).replace("routing.draft-write,", ",");
        PolicyDir.write(dir, "routing/routing.csv", table);

        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> new DroolsPolicyCompiler().compile(dir));

        PolicyProblem problem = e.problems().getFirst();
        assertEquals(lineOf(table, "\"draft, write\""), problem.line());
        assertTrue(problem.message().contains("needs a dotted id"), problem.message());
    }

    private static int ruleCount(Resource resource, String name) {
        KieServices kie = KieServices.get();
        KieFileSystem sources = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("dev.tollgate.test", "trap-" + name, "1.0.0");
        sources.generateAndWritePomXML(releaseId);
        sources.write(resource);
        KieBuilder builder = kie.newKieBuilder(sources, DecisionTableTest.class.getClassLoader()).buildAll();
        assertEquals(List.of(), builder.getResults().getMessages(org.kie.api.builder.Message.Level.ERROR));
        try {
            return kie.newKieContainer(releaseId, DecisionTableTest.class.getClassLoader()).getKieBase().getKiePackages()
                    .stream().mapToInt(p -> p.getRules().size()).sum();
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static int lineOf(String text, String part) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i + 1;
            }
        }
        throw new AssertionError(part + " not in table");
    }

    /** The table as a spreadsheet tool saves it: cells CSV joins with "..." become one merged cell. */
    private static void writeAsXlsx(Path csv, Path xlsx) throws Exception {
        Files.createDirectories(xlsx.getParent());
        CsvLineParser parser = new CsvLineParser();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            XSSFSheet sheet = workbook.createSheet("Routing");
            List<String> lines = Files.readAllLines(csv);
            for (int r = 0; r < lines.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                List<String> cells = parser.parse(lines.get(r));
                int mergeStart = -1;
                for (int c = 0; c <= cells.size(); c++) {
                    boolean joined = c < cells.size() && cells.get(c).endsWith("...");
                    if (joined && mergeStart < 0) {
                        mergeStart = c;
                        row.createCell(c).setCellValue(cells.get(c).substring(0, cells.get(c).length() - 3));
                    } else if (joined) {
                        row.createCell(c);
                    } else if (!joined && mergeStart >= 0) {
                        sheet.addMergedRegion(new CellRangeAddress(r, r, mergeStart, c - 1));
                        mergeStart = -1;
                    }
                    if (!joined && c < cells.size()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            workbook.write(out);
        }
    }
}
