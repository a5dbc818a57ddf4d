package dev.tollgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No prompt text, no PII value and no model answer reaches the decision log or the application log, at any log
 * level: deciding, executing (the on-device model answers), refusing, and the OpenAI-compatible endpoint.
 */
class NoSensitiveDataInLogsTest {
    @Test
    void neitherLogHoldsPromptTextOrPiiValues() throws Exception {
        List<String> appLog = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                appLog.add(record.getLoggerName() + " " + record.getMessage() + " " + record.getParameters()
                        + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level previous = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        Path data;
        List<String> answers = new ArrayList<>();
        try (TestService service = TestService.start(TestService.POLICIES, null,
                Map.of("TOLLGATE_SLM_MODEL", TestService.slmModel()))) {
            data = service.dataDir();
            for (String body : Samples.BODIES) {
                HttpResponse<String> decided = service.decide(TestService.CLAIMS_KEY, body);
                assertEquals(200, decided.statusCode());
                JsonNode token = Json.MAPPER.readTree(decided.body()).get("token");
                if (token != null) {
                    ObjectNode execute = (ObjectNode) Json.MAPPER.readTree(body);
                    execute.put("token", token.asText());
                    execute.put("max_tokens", 24);
                    HttpResponse<String> executed = service.execute(TestService.CLAIMS_KEY,
                            Json.MAPPER.writeValueAsString(execute));
                    if (executed.statusCode() == 200) {
                        answers.add(Json.MAPPER.readTree(executed.body()).get("content").asText());
                    }
                    // A reused token is refused and logged: the refusal must not leak either.
                    service.execute(TestService.CLAIMS_KEY, Json.MAPPER.writeValueAsString(execute));
                }
            }
            String chat = "{\"model\": \"tollgate\", \"max_tokens\": 16, \"messages\": [{\"role\": \"user\", "
                    + "\"content\": \"My e-mail is " + Samples.EMAIL + ", what are the opening hours?\"}]}";
            assertEquals(200, service.post("/v1/chat/completions", TestService.CLAIMS_KEY, chat).statusCode());
            assertEquals(200, service.post("/v1/chat/completions", TestService.CLAIMS_KEY,
                    chat.replace("{\"model\"", "{\"stream\": true, \"model\"")).statusCode());
            // Failing requests must not leak either.
            service.decide(TestService.CLAIMS_KEY, "{\"task\": " + Samples.BODIES.get(1));
            service.decide("wrong-key", Samples.BODIES.get(0));
        } finally {
            root.removeHandler(capture);
            root.setLevel(previous);
        }

        String decisionLog = readAll(data.resolve("log"));
        assertTrue(decisionLog.contains("\"decision_id\""), "the decision log was written");
        assertFalse(appLog.isEmpty(), "the application log was captured");
        assertTrue(decisionLog.contains("\"type\":\"execution\""), "executions were logged");
        assertFalse(answers.isEmpty(), "the on-device model answered");
        String application = String.join("\n", appLog);
        for (String value : Samples.sensitiveValues()) {
            assertFalse(decisionLog.contains(value), "decision log holds: " + value);
            assertFalse(application.contains(value), "application log holds: " + value);
        }
        for (String answer : answers) {
            assertFalse(decisionLog.contains(answer.strip()), "decision log holds a model answer");
            assertFalse(application.contains(answer.strip()), "application log holds a model answer");
        }
    }

    private static String readAll(Path dir) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }
}
