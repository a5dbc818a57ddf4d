package dev.tollgate.api.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.Json;
import dev.tollgate.terms.ClientAbortException;
import dev.tollgate.decision.Decision;
import dev.tollgate.execute.ChatGateway;
import dev.tollgate.execute.Execution;
import dev.tollgate.terms.Effect;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A streamed answer as OpenAI sends it: Server-Sent Events, each frame {@code data: <json>} and flushed at once.
 * An allowed decision opens the stream (decision and disclosure headers, then a chunk with the assistant role, its
 * model the route's destination); each piece of
 * text is a chunk; {@link #finish} sends the tool calls the model made (whole, in one chunk), the finish reason,
 * the usage when asked for, and {@code data: [DONE]}.
 * A denied decision only sets the decision headers and leaves the answer to the handler. A failure after the
 * stream opened is sent as a frame holding an OpenAI error object, which OpenAI clients raise.
 */
final class SseStream implements ChatGateway.Listener {
    private final ServerResponse res;
    private final long created;
    private String model;
    private String id;
    private OutputStream out;

    SseStream(ServerResponse res, long created) {
        this.res = res;
        this.created = created;
    }

    @Override
    public void decided(Decision decision, String disclosure) {
        DecisionHeaders.decided(res, decision);
        if (decision.outcome().effect() != Effect.ALLOW) {
            return;
        }
        DecisionHeaders.disclosure(res, disclosure);
        model = decision.outcome().route().destination();
        id = ChatCompletion.ID_PREFIX + decision.decisionId();
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        out = res.outputStream();
        send(choice(new ChatCompletionChunk.Delta("assistant", null), null, null));
    }

    @Override
    public void text(String piece) {
        send(choice(new ChatCompletionChunk.Delta(null, piece), null, null));
    }

    /** Whether the stream has opened, after which a failure can only be sent as an error frame. */
    boolean started() {
        return out != null;
    }

    /** The last chunks name the destination that answered, which may not be the route's (an escalation). */
    void finish(Execution execution, boolean includeUsage) {
        model = execution.destination();
        if (!execution.toolCalls().isEmpty()) {
            send(choice(new ChatCompletionChunk.Delta(null, null, ChatCompletion.ToolCall.of(execution, true)), null,
                    null));
        }
        send(choice(new ChatCompletionChunk.Delta(null, null), execution.finishReason(),
                ChatCompletion.Tollgate.of(execution)));
        if (includeUsage) {
            send(new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(),
                    ChatCompletion.Usage.of(execution), null));
        }
        frame("[DONE]");
        close();
    }

    /** Sends the error and ends the stream; when the client has gone away there is no one to tell. */
    void fail(OpenAiError error) {
        try {
            send(error.json());
            close();
        } catch (ClientAbortException e) {
            // The connection is closed: nothing more can be sent.
        }
    }

    private ChatCompletionChunk choice(ChatCompletionChunk.Delta delta, String finishReason,
                                       ChatCompletion.Tollgate tollgate) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model,
                List.of(new ChatCompletionChunk.Choice(0, delta, finishReason)), null, tollgate);
    }

    private void send(Object json) {
        try {
            frame(Json.MAPPER.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void frame(String data) {
        try {
            out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | UncheckedIOException | CloseConnectionException e) {
            throw new ClientAbortException("stream", e);
        }
    }

    private void close() {
        try {
            out.close();
        } catch (IOException | UncheckedIOException | CloseConnectionException e) {
            throw new ClientAbortException("stream", e);
        }
    }
}
