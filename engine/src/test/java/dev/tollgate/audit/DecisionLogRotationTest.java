package dev.tollgate.audit;

import dev.tollgate.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static dev.tollgate.audit.TestLogs.CLOCK;
import static dev.tollgate.audit.TestLogs.appendAll;
import static dev.tollgate.audit.TestLogs.body;
import static dev.tollgate.audit.TestLogs.lines;
import static dev.tollgate.audit.TestLogs.segment;
import static dev.tollgate.audit.TestLogs.segmentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionLogRotationTest {
    private static final long SMALL = 1_000;

    @TempDir
    Path dir;

    @Test
    void smallSegmentsRotateAndTheChainRunsOnAcrossThemAndAcrossReopening() throws Exception {
        String head;
        try (DecisionLog log = DecisionLog.open(dir, SMALL, CLOCK)) {
            appendAll(log, 40);
            head = log.headHash();
        }
        List<Path> segments = segmentFiles(dir);
        assertTrue(segments.size() >= 3, "segments: " + segments);
        for (Path segment : segments) {
            assertTrue(Files.size(segment) <= SMALL, segment + " is " + Files.size(segment) + " bytes");
        }
        VerifyReport report = new ChainVerifier().verify(dir);
        assertTrue(report.ok(), report.render());
        assertEquals(40, report.recordsChecked());
        assertEquals(head, report.headHash());

        String lastOfFirst = lines(segment(dir, 1)).getLast();
        String firstOfSecond = lines(segment(dir, 2)).getFirst();
        assertEquals(TestLogs.auditorHash(lastOfFirst),
                Json.MAPPER.readTree(firstOfSecond).get("prev_hash").asText());

        List<Long> seqs = new ArrayList<>();
        List<Long> lineNumbersInSecond = new ArrayList<>();
        try (LogReader reader = LogReader.open(dir)) {
            while (reader.hasNext()) {
                LogEntry entry = reader.next();
                seqs.add(entry.json().get("seq").asLong());
                if (entry.file().equals(segment(dir, 2))) {
                    lineNumbersInSecond.add(entry.lineNumber());
                }
            }
        }
        assertEquals(LongStream.rangeClosed(1, 40).boxed().toList(), seqs);
        assertEquals(LongStream.rangeClosed(1, lines(segment(dir, 2)).size()).boxed().toList(), lineNumbersInSecond);

        try (DecisionLog reopened = DecisionLog.open(dir, SMALL, CLOCK)) {
            assertEquals(40, reopened.lastSeq());
            assertEquals(head, reopened.headHash());
            assertEquals(41, reopened.append(body(41)).join().seq());
            appendAll(reopened, 9);
            assertEquals(50, reopened.lastSeq());
        }
        VerifyReport after = new ChainVerifier().verify(dir);
        assertTrue(after.ok(), after.render());
        assertEquals(50, after.recordsChecked());
    }

    @Test
    void recordLargerThanTheLimitGetsASegmentOfItsOwn() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir, 300, CLOCK)) {
            log.append(body(1)).join();
            log.append(body(2).put("note", "x".repeat(2_000))).join();
            log.append(body(3)).join();
        }
        assertEquals(List.of(segment(dir, 1), segment(dir, 2), segment(dir, 3)), segmentFiles(dir));
        assertEquals(1, lines(segment(dir, 2)).size());
        VerifyReport report = new ChainVerifier().verify(dir);
        assertTrue(report.ok(), report.render());
        assertEquals(3, report.recordsChecked());
    }
}
