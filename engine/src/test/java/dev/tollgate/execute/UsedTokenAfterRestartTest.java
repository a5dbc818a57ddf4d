package dev.tollgate.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.testing.MutableClock;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A token used before a restart stays used after it, on a data directory whose log is long and old: the start reads
 * only the segments whose claims may still be live, and the claim is among them.
 */
class UsedTokenAfterRestartTest {
    private static final String KEY = "demo-support-bot";
    private static final String QUESTION = "When do you open?";

    @Test
    void aTokenUsedBeforeARestartIsRefusedAsUsedAfterIt(@TempDir Path data) throws Exception {
        MutableClock yesterday = new MutableClock(Instant.now().minus(Duration.ofDays(1)));
        try (DecisionLog log = DecisionLog.open(data.resolve("log"), 8 * 1024, yesterday)) {
            ExecutionRecords records = new ExecutionRecords(log, TextHmac.open(data.resolve("keys/hmac.key")));
            for (int i = 0; i < 2000; i++) {
                records.started("old-" + i, "support-bot", yesterday.instant().plus(Duration.ofMinutes(5))).join();
                yesterday.advance(Duration.ofSeconds(30));
            }
        }
        Map<String, String> env = Map.of("TOLLGATE_DATA_DIR", data.toString(), "TOLLGATE_SLM_MODEL", TestService.slmModel());
        String body;
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools"), env)) {
            HttpResponse<String> decided = service.decide(KEY, """
                    {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "%s"}]}}"""
                    .formatted(QUESTION));
            assertEquals(200, decided.statusCode(), decided.body());
            ObjectNode execute = (ObjectNode) Json.MAPPER.readTree("""
                    {"input": {"messages": [{"role": "user", "content": "%s"}]}, "max_tokens": 8}""".formatted(QUESTION));
            execute.put("token", Json.MAPPER.readTree(decided.body()).path("token").asText());
            body = Json.MAPPER.writeValueAsString(execute);
            HttpResponse<String> executed = service.execute(KEY, body);
            assertEquals(200, executed.statusCode(), executed.body());
        }

        try (TestService restarted = TestService.start(TestService.POLICIES, List.of("drools"), env)) {
            assertProblem(restarted.execute(KEY, body), 409, "token-used");
        }
    }
}
