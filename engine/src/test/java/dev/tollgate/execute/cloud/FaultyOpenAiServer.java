package dev.tollgate.execute.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.testing.RawHttpRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI chat-completions server on a loopback socket that answers each request as scripted: well, late,
 * with an error status, with garbage, or by resetting the connection. Error bodies echo the last message, as
 * some real servers do, so tests can check that it never reaches an exception message.
 */
final class FaultyOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STALL = Duration.ofSeconds(30);

    /** What the server does with one request. */
    @FunctionalInterface
    interface Reply {
        void send(Exchange exchange) throws IOException, InterruptedException;
    }

    /** A request as the server received it. */
    record Received(String path, Map<String, String> headers, JsonNode body, long atNanos) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String lastMessage() {
            JsonNode messages = body.path("messages");
            return messages.path(messages.size() - 1).path("content").asText();
        }
    }

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Reply otherwise = answer("ok");

    FaultyOpenAiServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    /** Answers the next requests with these replies, in order, then as {@link #always} says. */
    FaultyOpenAiServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request not scripted by {@link #then} with this reply. */
    FaultyOpenAiServer always(Reply reply) {
        otherwise = reply;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }

    /** A completion of this text: JSON, or one streamed piece when the request asks for a stream. */
    static Reply answer(String text) {
        return exchange -> {
            if (exchange.streamed()) {
                exchange.stream(List.of(text), null);
            } else {
                exchange.json(200, exchange.completion(text, "stop", true).toString());
            }
        };
    }

    /** A completion cut at max tokens, without usage. */
    static Reply truncated(String text) {
        return exchange -> exchange.json(200, exchange.completion(text, "length", false).toString());
    }

    /** A streamed completion, one SSE chunk per piece. */
    static Reply stream(String... pieces) {
        return exchange -> exchange.stream(List.of(pieces), null);
    }

    /** A streamed completion that sends the rest of the pieces only once {@code gate} opens (or resets). */
    static Reply streamGated(CountDownLatch gate, String... pieces) {
        return exchange -> exchange.stream(List.of(pieces), gate);
    }

    /** Streams one piece, then sends nothing more. */
    static Reply stallAfter(String piece) {
        return exchange -> exchange.stream(List.of(piece), new CountDownLatch(1));
    }

    /** An error status whose body echoes the prompt; {@code headers} are name, value pairs. */
    static Reply status(int code, String... headers) {
        return exchange -> exchange.send(code, "application/json",
                "{\"error\":{\"message\":\"rejected: " + exchange.request().lastMessage() + "\"}}", headers);
    }

    /** A 200 whose JSON is cut off after echoing the prompt. */
    static Reply malformed() {
        return exchange -> exchange.json(200, "{\"choices\":[{\"message\":{\"content\":\""
                + exchange.request().lastMessage());
    }

    static Reply noChoices() {
        return exchange -> exchange.json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}");
    }

    /** Waits, then replies. */
    static Reply delayed(Duration delay, Reply then) {
        return exchange -> {
            Thread.sleep(delay);
            then.send(exchange);
        };
    }

    /** Closes the connection with a TCP reset. */
    static Reply reset() {
        return Exchange::reset;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Received request = read(socket.getInputStream());
            received.add(request);
            Reply reply = script.poll();
            (reply == null ? otherwise : reply).send(new Exchange(socket, request));
        } catch (IOException | InterruptedException ignored) {
            // the client went away or the server is closing
        }
    }

    private static Received read(InputStream in) throws IOException {
        RawHttpRequest request = RawHttpRequest.read(in);
        long at = System.nanoTime();
        byte[] body = request.body();
        return new Received(request.target(), request.headers(), JSON.readTree(body.length == 0 ? "{}".getBytes() : body),
                at);
    }

    /** One request and the connection to answer it on. */
    static final class Exchange {
        private final Socket socket;
        private final Received request;
        private final OutputStream out;

        private Exchange(Socket socket, Received request) throws IOException {
            this.socket = socket;
            this.request = request;
            this.out = socket.getOutputStream();
        }

        Received request() {
            return request;
        }

        boolean streamed() {
            return request.body().path("stream").asBoolean(false);
        }

        void json(int status, String body) throws IOException {
            send(status, "application/json", body);
        }

        void send(int status, String contentType, String body, String... headers) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Status\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        }

        /** Streams the pieces as SSE chunks; with a gate, waits for it after the first piece. */
        void stream(List<String> pieces, CountDownLatch gate) throws IOException, InterruptedException {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < pieces.size(); i++) {
                event(chunk(JSON.createObjectNode().put("content", pieces.get(i)), null));
                if (i == 0 && gate != null && !gate.await(STALL.toSeconds(), TimeUnit.SECONDS)) {
                    reset();
                    return;
                }
            }
            event(chunk(JSON.createObjectNode(), "stop"));
            ObjectNode usage = JSON.createObjectNode();
            usage.putArray("choices");
            usage.set("usage", usage(5));
            event(usage.toString());
            event("[DONE]");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        ObjectNode completion(String text, String finishReason, boolean withUsage) {
            ObjectNode completion = envelope("chat.completion");
            ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", text);
            choice.put("finish_reason", finishReason);
            if (withUsage) {
                completion.set("usage", usage(7));
            }
            return completion;
        }

        private String chunk(ObjectNode delta, String finishReason) {
            ObjectNode chunk = envelope("chat.completion.chunk");
            ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
            choice.set("delta", delta);
            choice.put("finish_reason", finishReason);
            return chunk.toString();
        }

        private ObjectNode envelope(String object) {
            return JSON.createObjectNode().put("id", "chatcmpl-1").put("object", object).put("created", 1)
                    .put("model", request.body().path("model").asText());
        }

        private static ObjectNode usage(int completionTokens) {
            return JSON.createObjectNode().put("prompt_tokens", 11).put("completion_tokens", completionTokens)
                    .put("total_tokens", 11 + completionTokens);
        }

        private void event(String data) throws IOException {
            byte[] bytes = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
