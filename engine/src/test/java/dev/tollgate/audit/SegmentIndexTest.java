package dev.tollgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentIndexTest {
    @TempDir
    Path dir;

    @Test
    void anIndexReadingSomeTypesIsGivenExactlyTheRecordsOfThoseTypesOfEverySealedSegment() throws Exception {
        Path logDir = dir.resolve("log");
        try (DecisionLog log = DecisionLog.open(logDir, 2_000, Clock.systemUTC())) {
            for (int i = 0; i < 60; i++) {
                log.append(record(i % 4 == 0 ? "execution" : i % 4 == 1 ? "execution_started" : "decision", i)).join();
            }
        }
        List<Long> expected = new ArrayList<>();
        long lastSegment = Segments.list(logDir).getLast().number();
        try (LogReader reader = LogReader.open(logDir)) {
            reader.forEachRemaining(entry -> {
                if (!entry.file().endsWith(Segments.name(lastSegment))
                        && entry.json().path("type").asText().equals("execution")) {
                    expected.add(entry.json().path("n").asLong());
                }
            });
        }

        SegmentIndex<List<Long>> index = new SegmentIndex<List<Long>>(logDir, "seen.idx", List::toString, line -> Optional.empty())
                .reading(RecordTypes.of("execution"));
        Map<Long, List<Long>> seen = index.complete(records -> {
            List<Long> given = new ArrayList<>();
            records.forEachRemaining(entry -> given.add(entry.json().path("n").asLong()));
            return given;
        });

        assertTrue(seen.size() > 3 && expected.size() > 5, "several sealed segments with executions");
        assertEquals(expected, seen.values().stream().flatMap(Collection::stream).sorted().toList(),
                "the executions of the sealed segments, and neither the decisions nor the started executions");
    }

    @Test
    void aLineMayBeOfATypeOnlyWhenItHoldsThatTypeFieldWhole() {
        RecordTypes usage = RecordTypes.of("execution", "validation");

        assertTrue(usage.test(line("{\"seq\":1,\"a\":1,\"type\":\"execution\",\"z\":2}")));
        assertTrue(usage.test(line("{\"seq\":2,\"type\":\"validation\"}")));
        assertFalse(usage.test(line("{\"seq\":3,\"type\":\"execution_started\"}")), "a longer type name");
        assertFalse(usage.test(line("{\"seq\":4,\"type\":\"decision\",\"facts\":[{\"type\":\"PERSON\"}]}")));
        assertFalse(usage.test(line("{\"type\":\"executio")), "cut short");
    }

    private static ObjectNode record(String type, int n) {
        ObjectNode record = Json.MAPPER.createObjectNode().put("type", type).put("n", n);
        record.putArray("entities").addObject().put("type", "PERSON");
        return record;
    }

    private static byte[] line(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
