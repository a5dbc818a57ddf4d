package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.audit.LogEntry;
import dev.tollgate.audit.LogFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Writes the decision and execution records of the log to stdout, for SIEMs and spreadsheets; from a data directory,
 * or with {@code --store URL} every replica's stream of the shared store, in time order. The log holds no prompt
 * text and no PII value, so neither does the export. It does not check the chain: run verify for that.
 */
@Command(name = "export", description = {"Writes the decision and execution records to stdout as JSON lines (each "
        + "exactly as logged, hash included) or CSV with a header (RFC 4180), for SIEMs and spreadsheets (docs/audit.md).",
        "T: an ISO-8601 instant (2026-12-06T09:00:00Z) or a date (2026-12-06, its start in UTC). Exit 1 when the log "
        + "cannot be read."})
final class ExportCommand implements Callable<Integer> {
    static final int LOG_UNREADABLE = 1;

    /** The CSV columns: a record's fields that a spreadsheet filters by; empty where a record has none. */
    private static final Map<String, Function<JsonNode, String>> COLUMNS = columns();

    @Spec
    CommandSpec spec;
    @Mixin
    DataDirOption data;
    @Option(names = "--from", paramLabel = "T", description = "the first time exported (inclusive)")
    String from;
    @Option(names = "--to", paramLabel = "T", description = "the time the export stops at (exclusive)")
    String to;
    @Option(names = "--format", paramLabel = "jsonl|csv", defaultValue = "jsonl",
            description = "jsonl or csv (default: ${DEFAULT-VALUE})")
    String format;
    @Option(names = "--store", paramLabel = "URL", description = "the shared store "
            + "(postgresql://user:password@host:port/db) instead of a data directory: every replica's records in time order")
    String store;

    /** As `tollgate export ARGS` runs. */
    static int run(List<String> args) {
        return TollgateCli.run("export", args);
    }

    private static Map<String, Function<JsonNode, String>> columns() {
        Map<String, Function<JsonNode, String>> columns = new LinkedHashMap<>();
        for (String field : List.of("seq", "time", "type", "decision_id", "application")) {
            columns.put(field, record -> text(record.path(field)));
        }
        columns.put("effect", record -> text(record.path("outcome").path("effect")));
        columns.put("route_destination", record -> text(record.path("outcome").path("route").path("destination")));
        columns.put("route_strategy", record -> text(record.path("outcome").path("route").path("strategy")));
        columns.put("rules", record -> StreamSupport.stream(record.path("outcome").path("reasons").spliterator(), false)
                .map(reason -> reason.path("rule").asText()).distinct().collect(Collectors.joining(" ")));
        for (String field : List.of("status", "destination", "strategy", "problem", "verdict", "prompt_tokens",
                "completion_tokens", "latency_ms", "hash")) {
            columns.put(field, record -> text(record.path(field)));
        }
        return columns;
    }

    @Override
    public Integer call() throws Exception {
        Path log = data.log();
        Instant from = this.from == null ? Instant.MIN : instant("--from", this.from);
        Instant to = this.to == null ? Instant.MAX : instant("--to", this.to);
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw new ParameterException(spec.commandLine(), "--format must be jsonl or csv");
        }
        if (store == null && !Files.isDirectory(log)) {
            System.err.println("tollgate: no decision log at " + log);
            return LOG_UNREADABLE;
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        boolean csv = format.equals("csv");
        if (csv) {
            out.write(csvLine(List.copyOf(COLUMNS.keySet())));
        }
        try (LogRecords records = store != null ? LogRecords.of(store, from, to) : LogRecords.of(log)) {
            while (records.entries().hasNext()) {
                LogEntry entry = records.entries().next();
                Instant time = Instant.parse(entry.json().path("time").asText());
                if (time.isBefore(from) || !time.isBefore(to)) {
                    continue;
                }
                out.write(csv ? csvLine(COLUMNS.values().stream().map(column -> column.apply(entry.json())).toList())
                        : entry.line() + "\n");
            }
        } catch (LogFormatException e) {
            out.flush();
            System.err.println("tollgate: export stopped at " + e.getMessage() + " (run verify)");
            return LOG_UNREADABLE;
        } finally {
            out.flush();
        }
        return 0;
    }

    /** An ISO-8601 instant, or a date meaning its start (UTC). */
    private Instant instant(String option, String value) {
        try {
            return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " must be an ISO-8601 instant (2026-12-06T09:00:00Z) or a date"
                    + " (2026-12-06)");
        }
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }

    /** One CSV record as RFC 4180 writes it: fields with a comma, quote or line break quoted, quotes doubled; CRLF. */
    static String csvLine(List<String> fields) {
        return fields.stream().map(field -> field.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
                ? '"' + field.replace("\"", "\"\"") + '"' : field).collect(Collectors.joining(",")) + "\r\n";
    }
}
