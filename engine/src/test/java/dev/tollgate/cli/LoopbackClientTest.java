package dev.tollgate.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoopbackClientTest {

    @Test
    void readsChunkedAndSizedResponsesOnOneConnection() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "7\r\n{\"resul\r\na;ext=1\r\nt\":{\"a\":1}\r\n1\r\n}\r\n0\r\n\r\n";
        String sized = "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}";
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> answers = CompletableFuture.runAsync(() -> answer(server, chunked, sized));
            URI url = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/data/x");
            byte[] request = LoopbackClient.request(url, "", "{}".getBytes(StandardCharsets.UTF_8));
            try (LoopbackClient client = new LoopbackClient(url)) {
                LoopbackClient.Response first = client.exchange(request);
                assertEquals(200, first.status());
                assertEquals("{\"result\":{\"a\":1}}", new String(first.body(), StandardCharsets.UTF_8));
                LoopbackClient.Response second = client.exchange(request);
                assertEquals(404, second.status());
                assertEquals("{}", new String(second.body(), StandardCharsets.UTF_8));
            }
            answers.join();
        }
    }

    /** Reads each request up to the end of its 2-byte body, then writes the next canned response. */
    private static void answer(ServerSocket server, String... responses) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            for (String response : responses) {
                String request = "";
                while (!request.endsWith("\r\n\r\n{}")) {
                    request += (char) in.read();
                }
                socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
