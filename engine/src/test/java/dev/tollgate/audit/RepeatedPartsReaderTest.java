package dev.tollgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.terms.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tollgate.testing.OutcomeBuilder.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verify reads records binding repeated parts once: the records are the ones the whole line binds to. */
class RepeatedPartsReaderTest {
    private static final String ID = "0190d6a0-0000-7000-8000-000000000001";

    @Test
    void everyRecordReadsAsTheWholeLineBindsItFirstAndAgain(@TempDir Path dir) throws Exception {
        DecisionRecord decision = decision();
        List<LogRecord> written = List.of(decision,
                new DecisionRecord(ID, decision.application(), decision.policyVersion(), decision.logicVersion(),
                        decision.facts(), "hmac-sha256:00", decision.findings(), decision.outcome(),
                        "2026-12-06T08:00:00Z", List.of("ner"), Map.of(), Map.of(), "request-2", null),
                new ExecutionStarted(ID, "claims", "2026-01-01T00:05:00Z"),
                completed(ID, "claims", "cloud-eu").strategy(Strategy.CASCADE).escalated(true).confidence(0.4)
                        .tokens(30, 20).cloudTokensSent(12).masked(Map.of("PERSON", 1, "EMAIL_ADDRESS", 2,
                                "PHONE_NUMBER", 3)).took(90, 80).disclosed(true).outputHmac("hmac-sha256:cd")
                        .cloud("cloud-eu", 11, 9).heldForReview(true).agreement(0.35).build(),
                new ExecutionRefusal(null, "claims", "token-invalid"),
                new ValidationRecord(ID, "cloud-eu", ValidationRecord.CORRECTED, "hmac-sha256:ef", "v-1", "claims", 2,
                        null, 40, 12),
                new ReviewRecord(ID, "claims", ReviewRecord.APPROVED, "9d".repeat(32), "hmac-sha256:ef"));
        List<LogLine> lines = write(dir, written);
        RepeatedPartsReader reader = new RepeatedPartsReader();
        for (int round = 0; round < 2; round++) {
            List<LogRecord> read = new ArrayList<>();
            for (LogLine line : lines) {
                CheckedLine checked = reader.read(line).orElseThrow();
                ObjectNode whole = (ObjectNode) Json.MAPPER.readTree(line.bytes());
                assertEquals(LogRecord.read(whole), checked.record());
                assertEquals(whole.get("seq").asLong(), checked.fields().get("seq").asLong());
                assertEquals(whole.get("prev_hash"), checked.fields().get("prev_hash"));
                assertTrue(checked.sealed().orElseThrow().intact());
                read.add(checked.record().orElseThrow());
            }
            assertEquals(written, read);
        }
    }

    @Test
    void aPartRepeatedInAnotherRecordIsBoundOnce(@TempDir Path dir) throws Exception {
        DecisionRecord decision = decision();
        DecisionRecord again = new DecisionRecord(ID, decision.application(), decision.policyVersion(),
                decision.logicVersion(), decision.facts(), decision.inputHmac(), decision.findings(),
                decision.outcome(), decision.expiresAt(), List.of(), Map.of(), Map.of(), null, null);
        List<LogLine> lines = write(dir, List.of(decision, again));
        RepeatedPartsReader reader = new RepeatedPartsReader();
        DecisionRecord first = (DecisionRecord) reader.read(lines.get(0)).orElseThrow().record().orElseThrow();
        DecisionRecord second = (DecisionRecord) reader.read(lines.get(1)).orElseThrow().record().orElseThrow();
        assertSame(first.facts(), second.facts());
        assertSame(first.outcome(), second.outcome());
        assertEquals(again, second);
    }

    @Test
    void aFieldTwiceInANestedObjectIsLeftToTheFullParseWhichNamesIt(@TempDir Path dir) throws Exception {
        LogLine line = write(dir, List.of(decision())).getFirst();
        String text = new String(line.bytes(), StandardCharsets.UTF_8);
        LogLine twice = new LogLine(line.file(), 1,
                text.replace("\"role\":\"staff\"", "\"role\":\"staff\",\"role\":\"admin\"")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), new RepeatedPartsReader().read(twice));
        LogFormatException e = assertThrows(LogFormatException.class, () -> CheckedLine.check(twice));
        assertTrue(e.defect().reason().startsWith("not valid JSON"), e.defect().reason());
    }

    @Test
    void aPartThatDoesNotFitItsTypeIsLeftToTheFullParseWhichNamesIt(@TempDir Path dir) throws Exception {
        LogLine line = write(dir, List.of(decision())).getFirst();
        String text = new String(line.bytes(), StandardCharsets.UTF_8);
        LogLine misfit = new LogLine(line.file(), 1, text.replace("\"outcome\":{\"effect\":\"allow\"",
                "\"outcome\":{\"effect\":[\"" + "x".repeat(80) + "\"]").getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), new RepeatedPartsReader().read(misfit));
        CheckedLine checked = CheckedLine.check(misfit);
        assertEquals(Optional.empty(), checked.record());
        assertTrue(checked.unreadable().startsWith("its fields do not fit its type"), checked.unreadable());
    }

    private static DecisionRecord decision() throws IOException {
        try (InputStream in = RepeatedPartsReaderTest.class.getResourceAsStream("/audit/decision-record.json")) {
            return (DecisionRecord) Json.MAPPER.readValue(in, LogRecord.class);
        }
    }

    private static List<LogLine> write(Path dir, List<LogRecord> records) throws IOException {
        try (DecisionLog log = DecisionLog.open(dir, TestLogs.ONE_MIB, TestLogs.CLOCK)) {
            records.forEach(record -> DurableAppend.append(log, record));
        }
        List<LogLine> lines = new ArrayList<>();
        try (LogReader reader = LogReader.open(dir)) {
            for (LogLine line = reader.nextLine(); line != null; line = reader.nextLine()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
