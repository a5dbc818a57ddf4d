package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The outside world for tests: an OpenAI-compatible chat completions server on loopback standing in for a cloud
 * model. It keeps every request body it receives and answers from a script, as one JSON completion or, when the
 * request asks to stream, as Server-Sent Events in two pieces; or, when scripted, with a tool call. While down it
 * answers 503 and keeps nothing.
 */
public final class RecordingCloud implements AutoCloseable {
    private final HttpServer server;
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final Queue<String> script = new ConcurrentLinkedQueue<>();
    private final Queue<ToolCall> toolCalls = new ConcurrentLinkedQueue<>();
    private volatile String otherwise = "APPROVED";
    private volatile boolean down;
    private volatile long delayMillis;
    private volatile int refusing;

    private RecordingCloud() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::complete);
        server.start();
    }

    public static RecordingCloud start() {
        try {
            return new RecordingCloud();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL an OpenAI client is given, ending in /v1. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Answers the next requests with these texts, in order, then as {@link #always} says. */
    public RecordingCloud answers(String... texts) {
        script.addAll(List.of(texts));
        return this;
    }

    /** A function call the cloud answers with: its name and its arguments (a JSON text). */
    public record ToolCall(String name, String arguments) {
    }

    /**
     * Answers the next requests by calling these tools, one call each (ids call_1, call_2, ...; finish_reason
     * tool_calls), before any scripted text.
     */
    public RecordingCloud callsTools(ToolCall... calls) {
        toolCalls.addAll(List.of(calls));
        return this;
    }

    /** Answers every request not scripted by {@link #answers} with this text ("APPROVED" until told otherwise). */
    public RecordingCloud always(String text) {
        otherwise = text;
        return this;
    }

    /** While down, every request is answered 503 and not kept: the cloud is unreachable. */
    public void down(boolean down) {
        this.down = down;
    }

    /**
     * While refusing (a status other than 0, e.g. 401 for a bad key), every request is kept and answered with that
     * status and no body: the cloud is reachable and refuses.
     */
    public void refuse(int status) {
        refusing = status;
    }

    /** Every answer from now on waits this long before it is sent (a slow cloud). */
    public void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** Every request body received so far, in order. */
    public List<JsonNode> bodies() {
        return List.copyOf(bodies);
    }

    /** The text of every message of every request received, decoded from the JSON. */
    public List<String> messageTexts() {
        List<String> texts = new ArrayList<>();
        bodies.forEach(body -> texts.addAll(messageTexts(body)));
        return texts;
    }

    /**
     * The text of every message of one request body: its content, or its text parts joined by newlines, and the
     * arguments of every tool call it carries.
     */
    public static List<String> messageTexts(JsonNode body) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            message.path("tool_calls").forEach(call -> texts.add(call.path("function").path("arguments").asText()));
            JsonNode content = message.path("content");
            if (content.isArray()) {
                List<String> parts = new ArrayList<>();
                content.forEach(part -> parts.add(part.path("text").asText()));
                texts.add(String.join("\n", parts));
            } else {
                texts.add(content.asText());
            }
        }
        return texts;
    }

    private void complete(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            JsonNode request = Json.MAPPER.readTree(body);
            bodies.add(request);
            if (refusing != 0) {
                exchange.sendResponseHeaders(refusing, -1);
                return;
            }
            pause();
            ToolCall call = toolCalls.poll();
            String answer = call == null ? script.poll() : null;
            String text = call != null ? "" : answer == null ? otherwise : answer;
            String finishReason = call == null ? "stop" : "tool_calls";
            if (request.path("stream").asBoolean(false)) {
                stream(exchange, request, text, call);
            } else {
                ObjectNode completion = envelope(request, "chat.completion");
                ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
                ObjectNode message = choice.putObject("message").put("role", "assistant");
                if (call == null) {
                    message.put("content", text);
                } else {
                    message.putNull("content").putArray("tool_calls").add(toolCall(call, null));
                }
                choice.put("finish_reason", finishReason);
                completion.set("usage", usage());
                byte[] bytes = completion.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode toolCall(ToolCall call, Integer index) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        if (index != null) {
            json.put("index", index);
        }
        json.put("id", "call_" + bodies.size()).put("type", "function").putObject("function")
                .put("name", call.name()).put("arguments", call.arguments());
        return json;
    }

    /** The text in two pieces, or the tool call in one chunk. */
    private void stream(HttpExchange exchange, JsonNode request, String text, ToolCall call) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            if (call == null) {
                int half = text.length() / 2;
                for (String piece : List.of(text.substring(0, half), text.substring(half))) {
                    ObjectNode delta = Json.MAPPER.createObjectNode().put("content", piece);
                    event(out, chunk(request, delta, null));
                }
            } else {
                ObjectNode delta = Json.MAPPER.createObjectNode().put("role", "assistant");
                delta.putArray("tool_calls").add(toolCall(call, 0));
                event(out, chunk(request, delta, null));
            }
            event(out, chunk(request, Json.MAPPER.createObjectNode(), call == null ? "stop" : "tool_calls"));
            ObjectNode usage = envelope(request, "chat.completion.chunk");
            usage.putArray("choices");
            usage.set("usage", usage());
            event(out, usage.toString());
            event(out, "[DONE]");
        }
    }

    private static String chunk(JsonNode request, ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope(request, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return chunk.toString();
    }

    private static ObjectNode envelope(JsonNode request, String object) {
        return Json.MAPPER.createObjectNode().put("id", "chatcmpl-recorded").put("object", object).put("created", 1)
                .put("model", request.path("model").asText());
    }

    private static ObjectNode usage() {
        return Json.MAPPER.createObjectNode().put("prompt_tokens", 11).put("completion_tokens", 5)
                .put("total_tokens", 16);
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
