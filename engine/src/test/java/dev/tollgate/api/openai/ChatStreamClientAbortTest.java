package dev.tollgate.api.openai;

import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.LogCapture;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that leaves in the middle of a streamed answer is counted as a client abort, not a server error. */
class ChatStreamClientAbortTest {
    private static final String STREAM = """
            {"model": "tollgate-local", "stream": true, "messages": [{"role": "user", "content": "Opening hours?"}]}""";

    @Test
    void aClientLeavingMidStreamIsAClientAbort() throws Exception {
        try (OpenAiTestServer server = new OpenAiTestServer(); LogCapture logs = new LogCapture()) {
            CountDownLatch left = new CountDownLatch(1);
            server.gateway.holdAfterFirstPiece(left);
            int port = server.uri("/").getPort();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + OpenAiTestServer.KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + STREAM.length() + "\r\n\r\n" + STREAM).getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null && !line.contains(ScriptedGateway.PIECES.getFirst())) {
                    // read up to the first piece
                }
            }
            left.countDown();
            String metrics = Eventually.until("the client abort counted", Duration.ofSeconds(20),
                    server.metrics::scrape,
                    scraped -> scraped.contains("tollgate_http_client_aborts_total{phase=\"stream\"} 1.0"));
            assertFalse(metrics.contains("status=\"500\""), metrics);
            assertTrue(logs.warnings().isEmpty(), "logged as a problem: " + logs.warnings());
        }
    }
}
