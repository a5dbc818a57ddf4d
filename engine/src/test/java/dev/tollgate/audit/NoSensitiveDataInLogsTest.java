package dev.tollgate.audit;

import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No prompt text and no PII value reaches the decision log or the application log, at any log level. */
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
        try (TestService service = TestService.start()) {
            data = service.dataDir();
            for (String body : Samples.BODIES) {
                assertEquals(200, service.decide(TestService.CLAIMS_KEY, body).statusCode());
            }
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
        String application = String.join("\n", appLog);
        for (String value : Samples.sensitiveValues()) {
            assertFalse(decisionLog.contains(value), "decision log holds: " + value);
            assertFalse(application.contains(value), "application log holds: " + value);
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
