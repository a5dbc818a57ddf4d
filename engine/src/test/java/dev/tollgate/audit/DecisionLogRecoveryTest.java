package dev.tollgate.audit;

import dev.tollgate.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static dev.tollgate.audit.TestLogs.CLOCK;
import static dev.tollgate.audit.TestLogs.ONE_MIB;
import static dev.tollgate.audit.TestLogs.appendAll;
import static dev.tollgate.audit.TestLogs.body;
import static dev.tollgate.audit.TestLogs.lines;
import static dev.tollgate.audit.TestLogs.segment;
import static dev.tollgate.audit.TestLogs.writeLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionLogRecoveryTest {
    private static final String TORN = "{\"seq\":6,\"time\":\"2025-01-02T03:0";

    @TempDir
    Path dir;

    @Test
    void tornTailIsNoFailureAndReopeningCutsItAwayAndContinuesTheChain() throws Exception {
        String head;
        try (DecisionLog log = DecisionLog.open(dir, ONE_MIB, CLOCK)) {
            head = appendAll(log, 5).getLast().hash();
        }
        long intactSize = Files.size(segment(dir, 1));
        Files.writeString(segment(dir, 1), TORN, StandardOpenOption.APPEND);

        VerifyReport torn = new ChainVerifier().verify(dir);
        assertTrue(torn.ok(), torn.render());
        assertEquals(5, torn.recordsChecked());
        assertEquals(TORN.length(), torn.tornTailBytes());
        assertTrue(torn.render().contains("Torn tail: " + TORN.length() + " bytes"), torn.render());

        try (DecisionLog log = DecisionLog.open(dir, ONE_MIB, CLOCK)) {
            assertEquals(TORN.length(), log.recoveredTornBytes());
            assertEquals(intactSize, Files.size(segment(dir, 1)));
            assertEquals(5, log.lastSeq());
            assertEquals(head, log.headHash());
            DecisionLog.Appended sixth = log.append(body(6)).join();
            assertEquals(6, sixth.seq());
        }
        assertEquals(head, Json.MAPPER.readTree(lines(segment(dir, 1)).get(5)).get("prev_hash").asText());
        VerifyReport after = new ChainVerifier().verify(dir);
        assertTrue(after.ok(), after.render());
        assertEquals(6, after.recordsChecked());
        assertEquals(0, after.tornTailBytes());
    }

    @Test
    void completeLineThatIsNotARecordRefusesTheOpen() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir, ONE_MIB, CLOCK)) {
            appendAll(log, 5);
        }
        List<String> lines = new ArrayList<>(lines(segment(dir, 1)));
        lines.set(2, "garbage");
        writeLines(segment(dir, 1), lines);
        long size = Files.size(segment(dir, 1));

        LogFormatException refused = assertThrows(LogFormatException.class,
                () -> DecisionLog.open(dir, ONE_MIB, CLOCK));
        assertTrue(refused.getMessage().startsWith("decisions-000001.jsonl line 3: not valid JSON"),
                refused.getMessage());
        assertEquals(size, Files.size(segment(dir, 1)));
    }

    @Test
    void modifiedLastRecordRefusesTheOpen() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir, ONE_MIB, CLOCK)) {
            appendAll(log, 5);
        }
        List<String> lines = new ArrayList<>(lines(segment(dir, 1)));
        lines.set(4, lines.get(4).replace("allow", "deny"));
        writeLines(segment(dir, 1), lines);

        LogFormatException refused = assertThrows(LogFormatException.class,
                () -> DecisionLog.open(dir, ONE_MIB, CLOCK));
        assertTrue(refused.getMessage().startsWith("decisions-000001.jsonl line 5: the last record is not intact"),
                refused.getMessage());
    }

    @Test
    void emptyNewestSegmentContinuesFromTheRecordBeforeIt() throws Exception {
        String head;
        try (DecisionLog log = DecisionLog.open(dir, ONE_MIB, CLOCK)) {
            head = appendAll(log, 5).getLast().hash();
        }
        // What a crash right after creating the next segment leaves behind.
        Files.createFile(segment(dir, 2));

        try (DecisionLog log = DecisionLog.open(dir, ONE_MIB, CLOCK)) {
            assertEquals(5, log.lastSeq());
            assertEquals(head, log.headHash());
            assertEquals(6, log.append(body(6)).join().seq());
        }
        assertEquals(1, lines(segment(dir, 2)).size());
        VerifyReport report = new ChainVerifier().verify(dir);
        assertTrue(report.ok(), report.render());
        assertEquals(6, report.recordsChecked());
    }
}
