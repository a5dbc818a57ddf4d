package dev.tollgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.terms.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tollgate.testing.OutcomeBuilder.completed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every record type is written as a line that names its type and format, and read back as the same record. */
class LogRecordTest {
    private static final String ID = "0190d6a0-0000-7000-8000-000000000001";

    @Test
    void eachRecordTypeReadsBackAsWrittenThroughTheLog(@TempDir Path dir) throws Exception {
        List<LogRecord> written = oneOfEachType();
        try (DecisionLog log = DecisionLog.open(dir, 1 << 20, TestLogs.CLOCK)) {
            written.forEach(record -> DurableAppend.append(log, record));
        }
        List<LogRecord> read = new ArrayList<>();
        try (LogReader reader = LogReader.open(dir)) {
            while (reader.hasNext()) {
                ObjectNode line = reader.next().json();
                assertEquals(LogRecord.FORMAT, line.path("format").asInt(), line.toString());
                read.add(LogRecord.read(line).orElseThrow());
            }
        }
        assertEquals(written, read);
    }

    @Test
    void aRecordWrittenWithoutItsJsonTreeHasTheBytesOfTheTree() throws Exception {
        for (LogRecord record : oneOfEachType()) {
            assertArrayEquals(HashChain.body(LogRecord.toJson(record)), HashChain.body(record), record.toString());
        }
    }

    private static List<LogRecord> oneOfEachType() throws IOException {
        DecisionRecord decision;
        try (InputStream in = LogRecordTest.class.getResourceAsStream("/audit/decision-record.json")) {
            decision = (DecisionRecord) Json.MAPPER.readValue(in, LogRecord.class);
        }
        return List.of(decision,
                new ExecutionStarted(ID, "claims", "2026-01-01T00:05:00Z"),
                completed(ID, "claims", "slm-local").strategy(Strategy.OFFLINE).confidence(0.7).tokens(12, 8)
                        .masked(Map.of("PERSON", 1)).took(40, 35).disclosed(true).outputHmac("hmac-sha256:ab")
                        .validationQueued(true).build(),
                completed(ID, "claims", "cloud-eu").strategy(Strategy.CASCADE).escalated(true).confidence(0.4)
                        .tokens(30, 20).cloudTokensSent(12).took(90, 80).disclosed(true).outputHmac("hmac-sha256:cd")
                        .cloud("cloud-eu", 11, 9).heldForReview(true).agreement(0.35).build(),
                ExecutionOutcome.failed(ID, "claims", "cloud-eu", "destination-timeout", 30_000),
                new ExecutionRefusal(null, "claims", "token-invalid"),
                new ValidationRecord(ID, "cloud-eu", ValidationRecord.AGREES, "hmac-sha256:cd", null, null, null, null,
                        null, null),
                new ValidationRecord(ID, "cloud-eu", ValidationRecord.CORRECTED, "hmac-sha256:ef", "v-1", "claims", 2,
                        null, 40, 12),
                new ValidationRecord(ID, "cloud-eu", ValidationRecord.FAILED, null, "v-2", "claims", 12,
                        "bad-response", null, null),
                new ReviewRecord(ID, "claims", ReviewRecord.APPROVED, "9d".repeat(32), "hmac-sha256:ef"));
    }

    @Test
    void aLineWithoutAFormatIsReadAsTheFirstFormat() throws Exception {
        ObjectNode line = (ObjectNode) Json.MAPPER.readTree("""
                {"seq":3,"time":"2026-01-01T00:00:00Z","prev_hash":"00","type":"execution_refused",
                 "decision_id":null,"application":"claims","problem":"token-invalid","hash":"ff"}""");
        assertEquals(new ExecutionRefusal(null, "claims", "token-invalid"), LogRecord.read(line).orElseThrow());
    }

    @Test
    void aNewerFormatOrFieldsThatDoNotFitTheTypeAreUnreadableAndOtherTypesAreNotRecords() throws Exception {
        ObjectNode newer = (ObjectNode) Json.MAPPER.readTree("""
                {"type":"execution_started","format":2,"decision_id":"d","token_expires_at":"x"}""");
        assertTrue(assertThrows(LogRecord.UnreadableRecord.class, () -> LogRecord.read(newer)).getMessage()
                .contains("format 2"));
        ObjectNode unknownStrategy = (ObjectNode) Json.MAPPER.readTree("""
                {"type":"execution","decision_id":"d","status":"completed","strategy":"warp"}""");
        assertThrows(LogRecord.UnreadableRecord.class, () -> LogRecord.read(unknownStrategy));
        assertTrue(LogRecord.read((ObjectNode) Json.MAPPER.readTree("{\"type\":\"checkpoint\"}")).isEmpty());
    }
}
