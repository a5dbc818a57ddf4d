package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tollgate.cli.AuditCommandsTest.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./tollgate export over a small log the service wrote: decisions and a refused execution. */
class ExportCommandTest {
    private static final List<String> COLUMNS = List.of("seq", "time", "type", "decision_id", "application", "effect",
            "route_destination", "route_strategy", "rules", "status", "destination", "strategy", "problem", "verdict",
            "prompt_tokens", "completion_tokens", "latency_ms", "hash");

    private static Path data;
    private static List<String> logged;

    @BeforeAll
    static void writeLog() throws Exception {
        try (TestService service = TestService.start()) {
            for (String body : Samples.BODIES) {
                assertEquals(200, service.decide(TestService.CLAIMS_KEY, body).statusCode());
            }
            assertEquals(403, service.execute(TestService.CLAIMS_KEY, "{\"token\": \"not-a-token\", \"input\": "
                    + "{\"messages\": [{\"role\": \"user\", \"content\": \"What is GDPR?\"}]}}").statusCode());
            data = service.dataDir();
        }
        logged = LoggedRecords.lines(data.resolve("log"));
        assertTrue(logged.getLast().contains("\"type\":\"execution_refused\""), logged.getLast());
    }

    @Test
    void jsonLinesAreTheRecordsAsLogged() throws Exception {
        AuditCommandsTest.Run run = capture(() -> ExportCommand.run(List.of("--data-dir", data.toString())));
        assertEquals(0, run.exitCode());
        assertEquals(logged, run.output().lines().toList());
    }

    @Test
    void csvHasAHeaderAndOneRowPerRecordWithItsFields() throws Exception {
        AuditCommandsTest.Run run = capture(() -> ExportCommand.run(List.of("--data-dir", data.toString(),
                "--format", "csv")));
        assertEquals(0, run.exitCode());
        List<List<String>> rows = parseCsv(run.output());
        assertEquals(COLUMNS, rows.getFirst());
        assertEquals(logged.size() + 1, rows.size());
        for (int i = 0; i < logged.size(); i++) {
            JsonNode record = Json.MAPPER.readTree(logged.get(i));
            List<String> row = rows.get(i + 1);
            assertEquals(COLUMNS.size(), row.size(), row.toString());
            for (String field : List.of("seq", "time", "type", "application", "hash")) {
                assertEquals(record.path(field).asText(), row.get(COLUMNS.indexOf(field)), field);
            }
            assertEquals(record.path("decision_id").asText(""), row.get(COLUMNS.indexOf("decision_id")));
            if (record.path("type").asText().equals("decision")) {
                assertEquals(record.path("outcome").path("effect").asText(), row.get(COLUMNS.indexOf("effect")));
                assertEquals(record.path("outcome").path("route").path("destination").asText(""),
                        row.get(COLUMNS.indexOf("route_destination")));
                assertFalse(row.get(COLUMNS.indexOf("rules")).isEmpty(), row.toString());
            } else {
                assertEquals("token-invalid", row.get(COLUMNS.indexOf("problem")));
            }
        }
    }

    @Test
    void fromIsInclusiveAndToExclusive() throws Exception {
        Instant from = time(logged.get(2));
        Instant to = time(logged.get(5));
        List<String> expected = logged.stream().filter(l -> !time(l).isBefore(from) && time(l).isBefore(to)).toList();
        AuditCommandsTest.Run run = capture(() -> ExportCommand.run(List.of("--data-dir", data.toString(),
                "--from", from.toString(), "--to", to.toString())));
        assertEquals(expected, run.output().lines().toList());
        assertTrue(expected.contains(logged.get(2)) && !expected.contains(logged.get(5)));

        AuditCommandsTest.Run none = capture(() -> ExportCommand.run(List.of("--data-dir", data.toString(),
                "--from", "2999-01-01", "--format", "csv")));
        assertEquals(List.of(COLUMNS), parseCsv(none.output()));
    }

    @Test
    void csvQuotesFieldsAsRfc4180Says() {
        List<String> fields = List.of("a,b", "say \"hi\"", "two\r\nlines", "plain", "");
        String line = ExportCommand.csvLine(fields);
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",plain,\r\n", line);
        assertEquals(List.of(fields), parseCsv(line));
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        for (List<String> bad : List.of(List.of("--format", "xml"), List.of("--from", "yesterday"), List.of("--bogus"),
                List.of("--to"))) {
            assertEquals(TollgateCli.USAGE_ERROR, ExportCommand.run(bad), bad.toString());
        }
        CliProcess export = CliProcess.run(Map.of(), "export", "--format", "xml");
        assertEquals(2, export.exitCode(), export.output());
        assertTrue(export.output().contains("tollgate: --format must be jsonl or csv"), export.output());
        CliProcess verify = CliProcess.run(Map.of(), "verify", "--public-key");
        assertEquals(2, verify.exitCode(), verify.output());
        assertTrue(verify.output().contains("tollgate: Missing required parameter for option '--public-key' (FILE)"),
                verify.output());
    }

    private static Instant time(String line) {
        try {
            return Instant.parse(Json.MAPPER.readTree(line).path("time").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, CRLF and doubled quotes. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(row.isEmpty() && field.isEmpty(), "the last record ends with CRLF");
        return rows;
    }
}
