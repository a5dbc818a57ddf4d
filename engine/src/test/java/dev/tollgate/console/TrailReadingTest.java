package dev.tollgate.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import dev.tollgate.trail.AuditTrail;
import dev.tollgate.trail.DecisionFilter;
import dev.tollgate.trail.TrailSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lists read an index that each look brings up to date: a decision made a moment ago is listed, and a log's
 * lines are taken as they are completed, across segments, each once.
 */
class TrailReadingTest {
    @TempDir
    Path dir;

    private static JsonNode decisions(TestService service) throws Exception {
        return AuditCalls.get(service, "/v1/audit/decisions");
    }

    @Test
    void aDecisionMadeAMomentAgoIsListedAndTheLogIsReadLineByLineAsItIsCompleted() throws Exception {
        List<String> lines;
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools"))) {
            String first = AuditCalls.decide(service, Samples.BODIES.get(0));
            assertEquals(1, decisions(service).get("total").asLong());
            String second = AuditCalls.decide(service, Samples.BODIES.get(1));
            JsonNode listed = decisions(service);
            assertEquals(2, listed.get("total").asLong());
            assertEquals(second, listed.get("decisions").get(0).get("decision_id").asText(), "newest first");
            assertEquals(first, listed.get("decisions").get(1).get("decision_id").asText());
            AuditCalls.decide(service, Samples.BODIES.get(2));
            lines = LoggedRecords.lines(service.log());
        }
        assertEquals(3, lines.size());

        // The same lines written as a log being appended to: a line cut short, then completed, then a new segment.
        Path log = Files.createDirectories(dir.resolve("log"));
        Path segment = log.resolve("decisions-000001.jsonl");
        String cut = lines.get(1).substring(0, lines.get(1).length() / 2);
        Files.writeString(segment, lines.get(0) + "\n" + cut);
        AuditTrail trail = new AuditTrail(TrailSource.of(log));
        assertEquals(List.of(id(lines.get(0))), ids(trail));

        Files.writeString(segment, lines.get(1).substring(cut.length()) + "\n", StandardOpenOption.APPEND);
        assertEquals(List.of(id(lines.get(0)), id(lines.get(1))), ids(trail));

        Files.writeString(log.resolve("decisions-000002.jsonl"), lines.get(2) + "\n", StandardCharsets.UTF_8);
        assertEquals(List.of(id(lines.get(0)), id(lines.get(1)), id(lines.get(2))), ids(trail));
        assertEquals(3, trail.decisions(DecisionFilter.ALL, 0, 50).total());
    }

    private static List<String> ids(AuditTrail trail) throws Exception {
        return trail.summaries(DecisionFilter.ALL).stream().map(AuditTrail.DecisionSummary::decisionId).toList();
    }

    private static String id(String line) throws Exception {
        return Json.MAPPER.readTree(line).get("decision_id").asText();
    }
}
