package dev.tollgate.execute.usage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.DurableAppend;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.terms.Strategy;
import dev.tollgate.testing.LoggedRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static dev.tollgate.execute.usage.UsageFixtures.CATALOG;
import static dev.tollgate.execute.usage.UsageFixtures.cloud;
import static dev.tollgate.execute.usage.UsageFixtures.onDevice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageIndexTest {
    private static final List<String> APPS = List.of("a", "b");
    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11),
            YearMonth.of(2026, 12));

    @TempDir
    Path dir;

    @Test
    void aStartFoldsTheSealedSegmentsAndReadsOnlyTheCurrentOneWithTheWholeLogsFigures() throws Exception {
        Path logDir = dir.resolve("log");
        int records = writeManySmallSegments(logDir);
        LogUsageCounts wholeLog = readWhole(logDir);

        LogUsageCounts first = LogUsageCounts.fromLog(logDir, CATALOG);
        assertEquals(records, first.recordsRead(), "a log without an index is read once, and indexed");
        assertSame(wholeLog, first);

        LogUsageCounts restarted = LogUsageCounts.fromLog(logDir, CATALOG);
        assertSame(wholeLog, restarted);
        assertTrue(restarted.recordsRead() < 10 && restarted.recordsRead() < records / 10,
                "only the current segment is read, not " + restarted.recordsRead() + " of " + records);
    }

    @Test
    void aSegmentIsIndexedWhenTheLogSealsItSoNoStartReadsIt() throws Exception {
        Path logDir = dir.resolve("log");
        int records = writeManySmallSegments(logDir, true);

        LogUsageCounts started = LogUsageCounts.fromLog(logDir, CATALOG);

        assertSame(readWhole(logDir), started);
        assertTrue(started.recordsRead() < 10 && started.recordsRead() < records / 10,
                "only the current segment is read, not " + started.recordsRead() + " of " + records);
    }

    @Test
    void aTornIndexLineMakesTheStartReadThatSegmentAgainAndIndexIt() throws Exception {
        Path logDir = dir.resolve("log");
        writeManySmallSegments(logDir);
        LogUsageCounts wholeLog = readWhole(logDir);
        LogUsageCounts.fromLog(logDir, CATALOG);
        long current = LogUsageCounts.fromLog(logDir, CATALOG).recordsRead();
        List<String> lines = Files.readAllLines(logDir.resolve(UsageIndex.NAME));
        String last = lines.getLast();
        Files.write(logDir.resolve(UsageIndex.NAME), lines.subList(0, lines.size() - 1));
        Files.writeString(logDir.resolve(UsageIndex.NAME), last.substring(0, last.length() / 2),
                StandardOpenOption.APPEND);

        LogUsageCounts repaired = LogUsageCounts.fromLog(logDir, CATALOG);

        assertSame(wholeLog, repaired);
        assertTrue(repaired.recordsRead() > current, "the segment of the torn line is read");
        assertEquals(current, LogUsageCounts.fromLog(logDir, CATALOG).recordsRead(), "and indexed again");
    }

    /** Usage of two applications in three months, in segments of a few records each; returns the records. */
    private int writeManySmallSegments(Path logDir) throws Exception {
        return writeManySmallSegments(logDir, false);
    }

    /** The same, indexing each segment as it is sealed or not. */
    private int writeManySmallSegments(Path logDir, boolean indexed) throws Exception {
        int records = 0;
        for (YearMonth month : MONTHS) {
            Instant at = month.atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC);
            try (DecisionLog log = DecisionLog.open(logDir, 2_000, Clock.fixed(at, ZoneOffset.UTC))) {
                if (indexed) {
                    log.afterSeal(segment -> LogUsageCounts.indexSealed(logDir));
                }
                for (int i = 0; i < 30; i++) {
                    String app = APPS.get(i % 2);
                    DurableAppend.append(log, i % 3 == 0 ? onDevice(app, Strategy.CASCADE)
                            : cloud(app, Strategy.CASCADE, i % 5 == 0, 10 + i, i));
                    records++;
                }
                DurableAppend.append(log, new ValidationRecord("d-" + month, "cloud-eu",
                        ValidationRecord.CORRECTED, "hmac-sha256:00", "v-" + month, "a", 1, null, 7, 3));
                records++;
            }
        }
        try (Stream<Path> files = Files.list(logDir)) {
            assertTrue(files.filter(f -> f.toString().endsWith(".jsonl")).count() > 20, "many segments");
        }
        return records;
    }

    private static LogUsageCounts readWhole(Path logDir) throws Exception {
        LogUsageCounts counts = new LogUsageCounts();
        for (ObjectNode json : LoggedRecords.json(logDir)) {
            String time = json.path("time").asText();
            LogRecord.read(json).flatMap(r -> UsageOfRecord.of(r, time, CATALOG)).ifPresent(counts::counted);
        }
        return counts;
    }

    private static void assertSame(LogUsageCounts expected, LogUsageCounts actual) {
        for (String app : APPS) {
            for (YearMonth month : MONTHS) {
                assertEquals(expected.of(app, month), actual.of(app, month), app + " in " + month);
            }
        }
        assertTrue(expected.of("a", MONTHS.getFirst()).cloudTokens() > 0, "the log has usage");
        assertTrue(expected.of("a", MONTHS.getFirst()).onDevice() > 0, "and on-device answers");
        assertTrue(expected.of("a", MONTHS.getFirst()).validated() > 0, "and validations");
    }
}
