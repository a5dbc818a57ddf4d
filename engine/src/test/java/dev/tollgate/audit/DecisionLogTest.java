package dev.tollgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static dev.tollgate.audit.TestLogs.CLOCK;
import static dev.tollgate.audit.TestLogs.ONE_MIB;
import static dev.tollgate.audit.TestLogs.body;
import static dev.tollgate.audit.TestLogs.lines;
import static dev.tollgate.audit.TestLogs.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionLogTest {
    @TempDir
    Path dir;

    @Test
    void recordsCarrySeqTimeAndPrevHashAndEndWithTheirHash() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir, ONE_MIB, CLOCK)) {
            DecisionLog.Appended first = log.append(body(1)).join();
            DecisionLog.Appended second = log.append(body(2)).join();

            List<String> lines = lines(segment(dir, 1));
            assertEquals(2, lines.size());
            ObjectNode one = (ObjectNode) Json.MAPPER.readTree(lines.get(0));
            ObjectNode two = (ObjectNode) Json.MAPPER.readTree(lines.get(1));
            assertEquals(1, one.get("seq").asLong());
            assertEquals("2025-01-02T03:04:05Z", one.get("time").asText());
            assertEquals("0".repeat(64), one.get("prev_hash").asText());
            assertEquals("record-1", one.get("note").asText());
            assertEquals(List.of("seq", "time", "prev_hash", "effect", "note", "hash"), fieldNames(one));
            assertTrue(lines.get(0).matches(".*,\"hash\":\"[0-9a-f]{64}\"}"));

            assertEquals(TestLogs.auditorHash(lines.get(0)), one.get("hash").asText());
            assertEquals(first, new DecisionLog.Appended(1, one.get("hash").asText(), "2025-01-02T03:04:05Z"));
            assertEquals(2, two.get("seq").asLong());
            assertEquals(first.hash(), two.get("prev_hash").asText());
            assertEquals(TestLogs.auditorHash(lines.get(1)), second.hash());
            assertEquals(2, log.lastSeq());
            assertEquals(second.hash(), log.headHash());
        }
    }

    @Test
    void emptyAndNonAsciiBodiesAreHashedOverTheirUtf8Bytes() throws Exception {
        ObjectNode accented = Json.MAPPER.createObjectNode().put("note", "Zürich ✓ \"quoted\"\nline");
        try (DecisionLog log = DecisionLog.open(dir, ONE_MIB, CLOCK)) {
            log.append(Json.MAPPER.createObjectNode()).join();
            log.append(accented).join();
        }
        List<String> lines = lines(segment(dir, 1));
        assertEquals(2, lines.size());
        assertEquals(List.of("seq", "time", "prev_hash", "hash"), fieldNames(Json.MAPPER.readTree(lines.get(0))));
        assertEquals("Zürich ✓ \"quoted\"\nline", Json.MAPPER.readTree(lines.get(1)).get("note").asText());
        assertEquals(TestLogs.auditorHash(lines.get(1)), Json.MAPPER.readTree(lines.get(1)).get("hash").asText());
        VerifyReport report = new ChainVerifier().verify(dir);
        assertTrue(report.ok(), report.render());
    }

    @Test
    void bodyMayNotSetAFieldTheLogWrites() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir, ONE_MIB, CLOCK)) {
            ObjectNode forged = body(1).put("prev_hash", "0".repeat(64));
            assertThrows(IllegalArgumentException.class, () -> log.append(forged));
            assertEquals(0, log.lastSeq());
        }
    }

    @Test
    void laterChangesToTheBodyDoNotReachTheRecord() throws Exception {
        try (DecisionLog log = DecisionLog.open(dir, ONE_MIB, CLOCK)) {
            ObjectNode body = body(1);
            CompletableFuture<DecisionLog.Appended> appended = log.append(body);
            body.put("note", "changed");
            appended.join();
        }
        assertEquals("record-1", Json.MAPPER.readTree(lines(segment(dir, 1)).get(0)).get("note").asText());
    }

    @Test
    void closeWritesEveryAppendMadeBeforeItAndRefusesLaterOnes() throws Exception {
        List<CompletableFuture<DecisionLog.Appended>> futures = new ArrayList<>();
        DecisionLog log = DecisionLog.open(dir, ONE_MIB, CLOCK);
        for (int i = 1; i <= 500; i++) {
            futures.add(log.append(body(i)));
        }
        log.close();

        assertTrue(futures.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
        assertEquals(500, lines(segment(dir, 1)).size());
        assertFalse(log.writable());
        CompletionException late = assertThrows(CompletionException.class, () -> log.append(body(501)).join());
        assertInstanceOf(IllegalStateException.class, late.getCause());
    }

    @Test
    void freshDirectoryIsCreatedAndStartsFromTheZeroHash() throws Exception {
        Path nested = dir.resolve("data/log");
        try (DecisionLog log = DecisionLog.open(nested, ONE_MIB, CLOCK)) {
            assertEquals(0, log.lastSeq());
            assertEquals("0".repeat(64), log.headHash());
            assertEquals(0, log.recoveredTornBytes());
            assertTrue(log.writable());
        }
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
