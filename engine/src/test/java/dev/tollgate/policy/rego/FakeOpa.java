package dev.tollgate.policy.rego;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A misbehaving OPA on a real local socket, for fault tests. It answers /v1/data/system/bundles and every
 * pack's rules as a healthy OPA serving revision {@value #REVISION} would, and every verdict query with
 * the chosen fault (NONE: an empty verdict).
 */
final class FakeOpa implements AutoCloseable {
    static final String REVISION = "2026-12-06.2";

    /** What the fake does with a verdict query. */
    enum Fault { NONE, HTTP_500, GARBAGE, UNDEFINED, SLOW, CLOSE }

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Fault fault;

    FakeOpa(Fault fault) throws IOException {
        this.fault = fault;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    void fault(Fault next) {
        fault = next;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.submit(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                String path = readRequest(in);
                if (path == null) {
                    return;
                }
                String answer = healthyAnswer(path);
                if (answer == null) {
                    switch (fault) {
                        case NONE -> respond(out, 200, "{\"decision_id\":\"d-ok\",\"result\":{\"deny\":false,"
                                + "\"forbidden\":[],\"obligations\":[],\"route\":null,\"reasons\":[]}}");
                        case HTTP_500 -> respond(out, 500, "{\"code\":\"internal_error\",\"message\":\"boom\"}");
                        case GARBAGE -> respond(out, 200, "{\"result\": {\"deny\": tru");
                        case UNDEFINED -> respond(out, 200, "{\"decision_id\":\"d-1\"}");
                        case SLOW -> {
                            Thread.sleep(2_000);
                            respond(out, 200, "{\"result\":{}}");
                        }
                        case CLOSE -> {
                            return;
                        }
                    }
                } else {
                    respond(out, 200, answer);
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away or the test ended.
        }
    }

    private static String healthyAnswer(String path) {
        if (path.equals("/v1/data/system/bundles")) {
            return "{\"result\":{\"b\":{\"manifest\":{\"revision\":\"" + REVISION + "\",\"roots\":[\"tollgate\"]}}}}";
        }
        if (path.endsWith("/rules")) {
            String prefix = switch (path) {
                case "/v1/data/tollgate/ai_act/rules" -> "ai-act";
                case "/v1/data/tollgate/residency/rules" -> "residency";
                default -> path.split("/")[4];
            };
            return "{\"result\":{\"" + prefix + ".r\":{\"basis\":\"b\",\"message\":\"m\"}}}";
        }
        return null;
    }

    /** Reads one request; returns its path, or null at the end of the connection. */
    private static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        in.readNBytes(length);
        return head.toString().split(" ")[1];
    }

    private static void respond(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }
}
