package dev.tollgate.execute.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.tollgate.Json;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.decision.DecideRequest.ToolCall;
import dev.tollgate.execute.ChatOptions;
import dev.tollgate.execute.Executor;
import dev.tollgate.execute.ExecutorException;
import dev.tollgate.execute.ExecutorException.Kind;
import dev.tollgate.execute.Generation;
import dev.tollgate.execute.GenerationRequest;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a chat completion on an OpenAI-compatible HTTP server, at temperature 0 unless the caller asked otherwise.
 *
 * <p>Retries are ours, not LangChain4j's: a 429 waits as its Retry-After header says (or backs off when it has
 * none), a 5xx and a connection failure (refused, reset, unknown host) back off exponentially with jitter; each
 * up to {@link CloudSettings#maxRetries()} times. Connection failures are retried because resets and refusals
 * during a deployment are usually brief. A timeout, another 4xx or a malformed answer fails at once. A stream is
 * retried only until its first piece has been handed out.
 */
public final class OpenAiExecutor implements Executor {

    private final String destination;
    private final String model;
    private final Duration timeout;
    private final HttpClient http;
    private final ChatModel chatModel;
    private final StreamingChatModel streamingModel;
    private final Retrier retrier;
    private volatile boolean closed;

    public OpenAiExecutor(String destination, CloudSettings settings) {
        this.destination = destination;
        this.model = settings.model();
        this.timeout = settings.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        // The two builders share no interface, so they get only where to connect; what to ask (model,
        // temperature, token limit) goes in every request, where both paths share it.
        this.chatModel = OpenAiChatModel.builder()
                .httpClientBuilder(StatusKeepingHttpClient.builder(http))
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .timeout(timeout)
                .maxRetries(0)
                .build();
        this.streamingModel = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(StatusKeepingHttpClient.builder(http))
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .timeout(timeout)
                .build(); // LangChain4j never retries a stream itself
        this.retrier = new Retrier(settings.maxRetries(), settings.maxRetryAfter(), new Random(), Thread::sleep);
    }

    @Override
    public String destination() {
        return destination;
    }

    @Override
    public Generation generate(GenerationRequest request) throws ExecutorException {
        ChatRequest chatRequest = chatRequest(request);
        return retrier.run(() -> {
            ensureOpen();
            ChatResponse response;
            try {
                response = chatModel.chat(chatRequest);
            } catch (RuntimeException e) {
                throw AttemptFailure.of(e);
            }
            String text = response.aiMessage().text();
            if (text == null && !response.aiMessage().hasToolExecutionRequests()) {
                throw new AttemptFailure(Kind.BAD_RESPONSE, false, null, "answer without text or tool calls");
            }
            return generation(text == null ? "" : text, response);
        });
    }

    @Override
    public Generation stream(GenerationRequest request, Consumer<String> onText) throws ExecutorException {
        ChatRequest chatRequest = chatRequest(request);
        return retrier.run(() -> {
            ensureOpen();
            StreamRelay relay = new StreamRelay();
            try {
                streamingModel.chat(chatRequest, relay);
            } catch (RuntimeException e) {
                throw AttemptFailure.of(e);
            }
            return relay.relay(onText, timeout);
        });
    }

    /** Stops the HTTP client at once: calls in flight fail, and are not retried. */
    @Override
    public void close() {
        closed = true;
        http.shutdownNow();
    }

    static Generation generation(String text, ChatResponse response) {
        TokenUsage usage = response.tokenUsage();
        int promptTokens = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int completionTokens = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        List<ToolCall> calls = response.aiMessage().toolExecutionRequests().stream()
                .map(call -> new ToolCall(call.id(), call.name(), call.arguments())).toList();
        String finishReason = response.finishReason() == FinishReason.LENGTH ? "length"
                : calls.isEmpty() ? "stop" : "tool_calls";
        return new Generation(text, promptTokens, completionTokens, null, finishReason, calls);
    }

    /** Checked before every attempt, so that closing also ends pending retries. */
    private void ensureOpen() throws AttemptFailure {
        if (closed) {
            throw new AttemptFailure(Kind.OVERLOADED, false, null, "executor for " + destination + " is closed");
        }
    }

    /** At temperature 0 unless the caller asked for another; the caller's other options as OpenAI takes them. */
    private ChatRequest chatRequest(GenerationRequest request) {
        ChatOptions options = request.options();
        OpenAiChatRequestParameters.Builder parameters = OpenAiChatRequestParameters.builder()
                .modelName(model)
                .temperature(options.temperature() == null ? 0.0 : options.temperature())
                .topP(options.topP())
                .seed(options.seed())
                .maxOutputTokens(request.maxTokens());
        if (!options.stop().isEmpty()) {
            parameters.stopSequences(options.stop());
        }
        // Passed as the caller wrote them: LangChain4j's own schema model would rewrite the JSON schemas.
        Map<String, Object> asWritten = new LinkedHashMap<>();
        putIfPresent(asWritten, "response_format", options.responseFormat());
        putIfPresent(asWritten, "tools", options.tools());
        putIfPresent(asWritten, "tool_choice", options.toolChoice());
        if (!asWritten.isEmpty()) {
            parameters.customParameters(asWritten);
        }
        Map<String, String> toolNames = new HashMap<>();
        return ChatRequest.builder()
                .messages(request.messages().stream().map(m -> chatMessage(m, toolNames)).toList())
                .parameters(parameters.build())
                .build();
    }

    private static void putIfPresent(Map<String, Object> parameters, String name, JsonNode value) {
        if (value != null) {
            parameters.put(name, Json.MAPPER.convertValue(value, Object.class));
        }
    }

    /**
     * A message as LangChain4j sends it. An assistant message's tool calls go with it, their names remembered in
     * {@code toolNames} for the results that follow; a "tool" message without the id of a call (from /v1/execute)
     * goes as what it is to the model: text it was given.
     */
    private static ChatMessage chatMessage(Message message, Map<String, String> toolNames) {
        return switch (message.role()) {
            case "system" -> SystemMessage.from(message.content());
            case "user" -> UserMessage.from(message.content());
            case "tool" -> message.toolCallId() == null ? UserMessage.from(message.content())
                    : ToolExecutionResultMessage.from(message.toolCallId(),
                    toolNames.getOrDefault(message.toolCallId(), ""), message.content());
            case "assistant" -> {
                if (message.toolCalls().isEmpty()) {
                    yield AiMessage.from(message.content());
                }
                message.toolCalls().forEach(call -> toolNames.put(call.id(), call.name()));
                List<ToolExecutionRequest> calls = message.toolCalls().stream()
                        .map(call -> ToolExecutionRequest.builder()
                                .id(call.id()).name(call.name()).arguments(call.arguments()).build())
                        .toList();
                yield message.content().isEmpty() ? AiMessage.from(calls) : AiMessage.from(message.content(), calls);
            }
            default -> throw new IllegalArgumentException("unknown message role: " + message.role());
        };
    }
}
