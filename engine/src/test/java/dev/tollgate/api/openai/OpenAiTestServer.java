package dev.tollgate.api.openai;

import dev.tollgate.api.DecideRequestParser;
import dev.tollgate.api.ServiceMetrics;
import dev.tollgate.classify.SensitivityClassifier;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.server.InProcessService;
import dev.tollgate.testing.StoppedServerTimers;
import io.helidon.webserver.WebServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.tollgate.testing.ApplicationBuilder.application;

/** The OpenAI routes alone on a free loopback port, in front of a {@link ScriptedGateway}. */
final class OpenAiTestServer implements AutoCloseable {
    static final String KEY = "test-key-claims";
    static final long MAX_BODY_BYTES = 16 * 1024;
    static final int DEFAULT_MAX_TOKENS = 256;

    final ScriptedGateway gateway = new ScriptedGateway();
    final ServiceMetrics metrics = new ServiceMetrics();
    private final HttpClient client = HttpClient.newHttpClient();
    private final WebServer server;

    OpenAiTestServer() {
        ApplicationRegistry registry = new ApplicationRegistry(List.of(application("claims-assistant")
                .purpose("customer_service").apiKeySha256(ApplicationRegistry.sha256(KEY)).build()));
        ChatCompletionsHandler chat = new ChatCompletionsHandler(registry,
                new DecideRequestParser(SensitivityClassifier.CLASSES), gateway, metrics, MAX_BODY_BYTES,
                DEFAULT_MAX_TOKENS);
        ModelsHandler models = new ModelsHandler(registry, metrics, List.of("tollgate-local"));
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> OpenAiRoutes.register(routing, chat, models))
                .build().start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** A request to /v1/chat/completions with the API key and a JSON content type. */
    HttpRequest.Builder chat(String json) {
        return HttpRequest.newBuilder(uri(OpenAiRoutes.CHAT_COMPLETIONS))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        return InProcessService.send(client, request.build(), handler);
    }

    @Override
    public void close() {
        server.stop();
        client.close();
        StoppedServerTimers.cancel();
    }
}
