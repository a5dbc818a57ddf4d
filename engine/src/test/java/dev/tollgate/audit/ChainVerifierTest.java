package dev.tollgate.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.tollgate.audit.TestLogs.CLOCK;
import static dev.tollgate.audit.TestLogs.appendAll;
import static dev.tollgate.audit.TestLogs.entry;
import static dev.tollgate.audit.TestLogs.lines;
import static dev.tollgate.audit.TestLogs.segment;
import static dev.tollgate.audit.TestLogs.writeLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A log of 20 records over several segments, tampered with the way an insider would. */
class ChainVerifierTest {
    @TempDir
    Path dir;

    private List<DecisionLog.Appended> acks;

    @BeforeEach
    void writeLog() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir, 1_000, CLOCK)) {
            acks = appendAll(log, 20);
        }
        assertTrue(TestLogs.segmentFiles(dir).size() >= 4);
    }

    @Test
    void intactLogVerifies() throws Exception {
        VerifyReport report = new ChainVerifier().verify(dir);
        assertTrue(report.ok());
        assertEquals(20, report.recordsChecked());
        assertEquals(acks.getLast().hash(), report.headHash());
        assertNull(report.firstFailure());
        assertEquals(0, report.tornTailBytes());
        assertTrue(report.render().startsWith("Decision log: OK\nRecords checked: 20\n"), report.render());
    }

    @Test
    void oneFlippedByteInARecordIsNamedAsAModifiedRecord() throws Exception {
        LogEntry tenth = entry(dir, 10);
        List<String> lines = lines(tenth.file());
        long offset = 0;
        for (int i = 0; i < tenth.lineNumber() - 1; i++) {
            offset += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        offset += tenth.line().indexOf("record-10");
        byte[] bytes = Files.readAllBytes(tenth.file());
        bytes[Math.toIntExact(offset)] ^= 0x20;
        Files.write(tenth.file(), bytes);

        VerifyReport report = new ChainVerifier().verify(dir);
        assertFailure(report, tenth.file(), tenth.lineNumber(), 10,
                "hash mismatch: record 10 was modified after it was written");
        assertEquals(9, report.recordsChecked());
        assertEquals(acks.get(8).hash(), report.headHash());
        assertTrue(report.render().contains("FAILED"));
        assertTrue(report.render().contains(tenth.file().getFileName() + " line " + tenth.lineNumber()
                + " (seq 10): hash mismatch"), report.render());
    }

    @Test
    void deletedRecordIsASequenceGap() throws Exception {
        LogEntry tenth = entry(dir, 10);
        List<String> lines = new ArrayList<>(lines(tenth.file()));
        lines.remove(Math.toIntExact(tenth.lineNumber() - 1));
        writeLines(tenth.file(), lines);

        LogEntry eleventh = entry(dir, 11);
        assertFailure(new ChainVerifier().verify(dir), eleventh.file(), eleventh.lineNumber(), 11,
                "sequence gap: expected 10, found 11 (records missing or out of order)");
    }

    @Test
    void swappedRecordsAreNamed() throws Exception {
        LogEntry tenth = entry(dir, 10);
        assertEquals(tenth.file(), entry(dir, 11).file());
        List<String> lines = new ArrayList<>(lines(tenth.file()));
        int at = Math.toIntExact(tenth.lineNumber() - 1);
        Collections.swap(lines, at, at + 1);
        writeLines(tenth.file(), lines);

        assertFailure(new ChainVerifier().verify(dir), tenth.file(), tenth.lineNumber(), 11,
                "sequence gap: expected 10, found 11 (records missing or out of order)");
    }

    @Test
    void rewrittenRecordWithARecomputedHashBreaksTheChainAtTheNextRecord() throws Exception {
        LogEntry tenth = entry(dir, 10);
        String hashed = tenth.line().substring(0, tenth.line().lastIndexOf(",\"hash\":\"")).replace("allow", "deny");
        String forged = hashed + ",\"hash\":\"" + TestLogs.sha256Hex(hashed + "}") + "\"}";
        List<String> lines = new ArrayList<>(lines(tenth.file()));
        lines.set(Math.toIntExact(tenth.lineNumber() - 1), forged);
        writeLines(tenth.file(), lines);

        LogEntry eleventh = entry(dir, 11);
        assertFailure(new ChainVerifier().verify(dir), eleventh.file(), eleventh.lineNumber(), 11,
                "prev_hash mismatch: chain broken before record 11");
    }

    @Test
    void missingSegmentIsNamed() throws Exception {
        long inFirstTwo = lines(segment(dir, 1)).size() + lines(segment(dir, 2)).size();
        Files.delete(segment(dir, 3));

        VerifyReport report = new ChainVerifier().verify(dir);
        assertFalse(report.ok());
        assertEquals("decisions-000003.jsonl", report.firstFailure().file());
        assertTrue(report.firstFailure().reason().startsWith("segment missing: expected decisions-000003.jsonl"),
                report.firstFailure().reason());
        assertEquals(inFirstTwo, report.recordsChecked());
    }

    @Test
    void lineThatIsNotJsonIsNamed() throws Exception {
        LogEntry tenth = entry(dir, 10);
        List<String> lines = new ArrayList<>(lines(tenth.file()));
        lines.set(Math.toIntExact(tenth.lineNumber() - 1), tenth.line().substring(0, 40));
        writeLines(tenth.file(), lines);

        VerifyReport report = new ChainVerifier().verify(dir);
        assertFalse(report.ok());
        assertEquals(tenth.file().getFileName().toString(), report.firstFailure().file());
        assertEquals(tenth.lineNumber(), report.firstFailure().line());
        assertEquals(-1, report.firstFailure().seq());
        assertTrue(report.firstFailure().reason().startsWith("not valid JSON"), report.firstFailure().reason());
    }

    @Test
    void lineThatIsNotUtf8IsNamed() throws Exception {
        LogEntry tenth = entry(dir, 10);
        byte[] bytes = Files.readAllBytes(tenth.file());
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("record-10");
        bytes[at] = (byte) 0xC3;
        Files.write(tenth.file(), bytes);

        VerifyReport report = new ChainVerifier().verify(dir);
        assertFailure(report, tenth.file(), tenth.lineNumber(), -1, "not valid UTF-8");
        assertEquals(9, report.recordsChecked());
    }

    @Test
    void lineWithAFieldTwiceIsNotValidJson() throws Exception {
        LogEntry tenth = entry(dir, 10);
        List<String> lines = new ArrayList<>(lines(tenth.file()));
        lines.set(Math.toIntExact(tenth.lineNumber() - 1), tenth.line().replace("\"note\":", "\"effect\":"));
        writeLines(tenth.file(), lines);

        VerifyReport report = new ChainVerifier().verify(dir);
        assertFalse(report.ok());
        assertEquals(tenth.lineNumber(), report.firstFailure().line());
        assertTrue(report.firstFailure().reason().startsWith("not valid JSON"), report.firstFailure().reason());
    }

    /** Lines are checked in batches on several threads: the first failure is still the one in log order. */
    @Test
    void inALongLogTheFirstFailureInLogOrderIsNamed(@TempDir Path longLog) throws Exception {
        try (DecisionLog log = DecisionLog.open(longLog, 64 * 1024, CLOCK)) {
            appendAll(log, 3_000);
        }
        for (long seq : new long[] {2_900, 1_700}) {
            LogEntry entry = entry(longLog, seq);
            List<String> lines = new ArrayList<>(lines(entry.file()));
            lines.set(Math.toIntExact(entry.lineNumber() - 1), entry.line().replace("record-", "recorD-"));
            writeLines(entry.file(), lines);
        }
        LogEntry first = entry(longLog, 1_700);

        VerifyReport report = new ChainVerifier().verify(longLog);
        assertFailure(report, first.file(), first.lineNumber(), 1_700,
                "hash mismatch: record 1700 was modified after it was written");
        assertEquals(1_699, report.recordsChecked());
    }

    @Test
    void aLongIntactLogVerifiesWhole(@TempDir Path longLog) throws Exception {
        List<DecisionLog.Appended> written;
        try (DecisionLog log = DecisionLog.open(longLog, 64 * 1024, CLOCK)) {
            written = appendAll(log, 3_000);
        }
        VerifyReport report = new ChainVerifier().verify(longLog);
        assertTrue(report.ok(), report.render());
        assertEquals(3_000, report.recordsChecked());
        assertEquals(written.getLast().hash(), report.headHash());
    }

    @Test
    void recordWithoutItsTrailingHashFieldIsNamed() throws Exception {
        LogEntry tenth = entry(dir, 10);
        String line = tenth.line();
        String moved = "{\"hash\":" + line.substring(line.lastIndexOf(",\"hash\":\"") + 8, line.length() - 1)
                + "," + line.substring(1, line.lastIndexOf(",\"hash\":\"")) + "}";
        List<String> lines = new ArrayList<>(lines(tenth.file()));
        lines.set(Math.toIntExact(tenth.lineNumber() - 1), moved);
        writeLines(tenth.file(), lines);

        assertFailure(new ChainVerifier().verify(dir), tenth.file(), tenth.lineNumber(), 10,
                "the line does not end with the hash field (,\"hash\":\"<64 lowercase hex>\"})");
    }

    @Test
    void incompleteLineInsideAnEarlierSegmentIsAFailure() throws Exception {
        Files.writeString(segment(dir, 2), "{\"seq\":", StandardOpenOption.APPEND);

        VerifyReport report = new ChainVerifier().verify(dir);
        assertFalse(report.ok());
        assertEquals("decisions-000002.jsonl", report.firstFailure().file());
        assertEquals(lines(segment(dir, 2)).size(), report.firstFailure().line());
        assertEquals("incomplete last line in a segment that is not the last one", report.firstFailure().reason());
    }

    @Test
    void missingDirectoryIsAFailure() throws Exception {
        VerifyReport report = new ChainVerifier().verify(dir.resolve("absent"));
        assertFalse(report.ok());
        assertEquals("log directory not found", report.firstFailure().reason());
    }

    private static void assertFailure(VerifyReport report, Path file, long line, long seq, String reason) {
        assertFalse(report.ok(), report.render());
        assertEquals(new VerifyReport.Failure(file.getFileName().toString(), line, seq, reason), report.firstFailure());
    }
}
