package dev.tollgate.api;

import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.LogCapture;
import dev.tollgate.testing.RunningService;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that goes away in the middle of its request body is a client abort: no error, no 500, no record. */
class ClientAbortTest {
    @RegisterExtension
    static final RunningService RUNNING = new RunningService();

    private static TestService service() {
        return RUNNING.service();
    }

    private static void sendHalfABodyAndLeave(String path) throws Exception {
        String body = BadRequestsTest.body(path, "\"Opening hours?\"");
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestService.CLAIMS_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (body.length() + 1000) + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", service().port())) {
            OutputStream out = socket.getOutputStream();
            out.write((head + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** The server notices the closed connection after the client has gone: waits for it. */
    private static String abortsCounted(int expected) throws Exception {
        return Eventually.until(expected + " client aborts counted", Duration.ofSeconds(20),
                () -> service().get("/metrics").body(),
                metrics -> metrics.contains("tollgate_http_client_aborts_total{phase=\"body\"} " + expected + ".0"));
    }

    @Test
    void aBodyCutShortIsCountedAsAClientAbortOnEveryEndpoint() throws Exception {
        long before = service().logRecords();
        try (LogCapture logs = new LogCapture()) {
            int aborted = 0;
            for (String path : BadRequestsTest.ENDPOINTS) {
                sendHalfABodyAndLeave(path);
                String metrics = abortsCounted(++aborted);
                // Registered at zero from the start (docs/metrics.md): they must stay there.
                assertTrue(metrics.contains("tollgate_http_problems_total{status=\"500\"} 0.0"), metrics);
                assertTrue(metrics.contains("tollgate_http_problems_total{status=\"400\"} 0.0"), metrics);
            }
            List<String> warnings = logs.warnings();
            assertTrue(warnings.isEmpty(), "logged as a problem: " + warnings);
        }
        assertEquals(before, service().logRecords());
    }
}
