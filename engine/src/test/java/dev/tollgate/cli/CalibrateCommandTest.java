package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.terms.ConsistencyCheck;
import dev.tollgate.testing.SyntheticCascadeLog;
import dev.tollgate.testing.SyntheticCascadeLog.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dev.tollgate.cli.AuditCommandsTest.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./tollgate calibrate over generated logs, as an operator runs it. */
class CalibrateCommandTest {
    private static final Rule SUMMARIZE = new Rule("routing.summarize", "summarize", 0.55, null);
    private static final Rule TRANSLATE = new Rule("routing.translate", "translate", 0.65, new ConsistencyCheck(3, 0.4));

    @TempDir
    Path data;

    private void generate() throws Exception {
        List<SyntheticCascadeLog.Execution> executions = new ArrayList<>(SyntheticCascadeLog.validated(SUMMARIZE,
                400, 0.3, 1.0, 7, (confidence, agreement) -> confidence < 0.62 ? 1 : 0));
        executions.addAll(SyntheticCascadeLog.validated(TRANSLATE, 10, 0.3, 1.0, 8, (confidence, agreement) -> 0));
        SyntheticCascadeLog.write(data, executions);
    }

    @Test
    void printsTheProposalAsADiffOfTheRoutingTableWithTheCountsBehindIt() throws Exception {
        generate();
        AuditCommandsTest.Run run = capture(() -> CalibrateCommand.run(List.of("--data-dir", data.toString(),
                "--target-disagreement", "0")));

        assertEquals(0, run.exitCode(), run.output());
        String out = run.output();
        assertTrue(out.contains("@@ routing.summarize (summarize): 400 executions, 0 escalated; 400 validated, "), out);
        assertTrue(out.contains("\n- escalate below confidence 0.55\n+ escalate below confidence 0.62\n"), out);
        assertTrue(out.contains("@@ routing.translate (translate): 10 executions"), out);
        assertTrue(out.contains("  escalate below confidence 0.65, agreement 0.40\n"
                + "  # too few validated answers: 10 of the 30 needed\n"), out);
        System.out.print(out); // the example in docs/execution.md
    }

    @Test
    void answersInJsonAndChangesNothing() throws Exception {
        generate();
        List<byte[]> before = logBytes();
        AuditCommandsTest.Run run = capture(() -> CalibrateCommand.run(List.of("--data-dir", data.toString(),
                "--json", "--target-disagreement", "0", "--min-validated", "20")));

        JsonNode json = Json.MAPPER.readTree(run.output());
        assertEquals(0.0, json.get("target_disagreement").asDouble());
        JsonNode summarize = json.get("routes").get(0);
        assertEquals("routing.summarize", summarize.get("rule").asText());
        assertEquals(0.55, summarize.get("current").get("escalate_below").asDouble());
        assertEquals(0.62, summarize.get("proposed").get("escalate_below").asDouble(), 0.01 + 1e-9);
        assertEquals(0, summarize.get("proposed").get("kept_disagreed").asInt());
        assertEquals(3, json.get("routes").get(1).get("current").get("consistency").get("samples").asInt());
        assertEquals(before.size(), logBytes().size());
        for (int i = 0; i < before.size(); i++) {
            assertTrue(Arrays.equals(before.get(i), logBytes().get(i)), "the log is left as it was");
        }
    }

    @Test
    void optionsMayBeGivenWithAnEqualsSign() throws Exception {
        generate();
        AuditCommandsTest.Run spaced = capture(() -> CalibrateCommand.run(List.of("--data-dir", data.toString(),
                "--json", "--target-disagreement", "0", "--min-validated", "20")));
        AuditCommandsTest.Run joined = capture(() -> CalibrateCommand.run(List.of("--data-dir=" + data, "--json",
                "--target-disagreement=0", "--min-validated=20")));

        assertEquals(0, joined.exitCode(), joined.output());
        assertEquals(20, Json.MAPPER.readTree(joined.output()).get("min_validated").asInt());
        assertEquals(spaced.output(), joined.output());
    }

    @Test
    void saysSoWhenTheLogHoldsNoCascade() throws Exception {
        SyntheticCascadeLog.write(data, List.of());
        AuditCommandsTest.Run run = capture(() -> CalibrateCommand.run(List.of("--data-dir", data.toString())));

        assertEquals(0, run.exitCode());
        assertTrue(run.output().contains("(the log holds no cascade decisions)"), run.output());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "--target-disagreement 1.5  | --target-disagreement is a share from 0 up to (not including) 1",
            "--target-disagreement -0.1 | --target-disagreement is a share from 0 up to (not including) 1",
            "--target-disagreement=1.5  | --target-disagreement is a share from 0 up to (not including) 1",
            "--target-disagreement five | Invalid value for option '--target-disagreement': 'five' is not a double",
            "--min-validated 0          | --min-validated is a whole number of 1 or more, not 0",
            "--min-validated 2.5        | Invalid value for option '--min-validated': '2.5' is not an int",
            "--threshold 0.6            | Unknown options: '--threshold', '0.6'",
            "--target-disagreement      | Missing required parameter for option '--target-disagreement' (SHARE)",
            "--data-dir /nonexistent    | no decision log in /nonexistent/log",
    })
    void aBadOptionIsAUsageErrorWithExitCode2(String options, String message) throws Exception {
        List<String> argv = new ArrayList<>(List.of("calibrate"));
        argv.addAll(Arrays.asList(options.trim().split(" +")));
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = TollgateCli.run(argv.toArray(String[]::new));
        } finally {
            System.setErr(original);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, text);
        assertTrue(text.startsWith("tollgate: " + message), text);
        assertTrue(text.contains("Usage: tollgate calibrate [-h] [--json] [--data-dir=DIR] [--min-validated=N]"),
                "the usage follows: " + text);
    }

    private List<byte[]> logBytes() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("log"))) {
            List<byte[]> bytes = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                bytes.add(Files.readAllBytes(file));
            }
            return bytes;
        }
    }
}
