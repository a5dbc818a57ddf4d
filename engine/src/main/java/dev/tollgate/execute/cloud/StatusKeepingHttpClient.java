package dev.tollgate.execute.cloud;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's HTTP client SPI over a shared JDK client. Unlike LangChain4j's own clients, a non-2xx answer
 * fails with an {@link UpstreamStatusException} that keeps the Retry-After header, and a whole non-streamed
 * answer (not only its headers) must arrive within the read timeout.
 */
final class StatusKeepingHttpClient implements HttpClient {

    private final java.net.http.HttpClient http;
    private final Duration timeout;

    private StatusKeepingHttpClient(java.net.http.HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** A builder for the models; the connect timeout is the shared JDK client's, only the read timeout applies. */
    static HttpClientBuilder builder(java.net.http.HttpClient http) {
        return new Builder(http);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(toJdk(request), BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            requireSuccess(response);
            return successful(response).body(new String(response.body(), StandardCharsets.UTF_8)).build();
        } catch (java.util.concurrent.TimeoutException e) {
            pending.cancel(true);
            throw new TimeoutException(e);
        } catch (ExecutionException e) {
            throw new LangChain4jException(e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new LangChain4jException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        http.sendAsync(toJdk(request), BodyHandlers.ofInputStream()).whenComplete((response, failure) -> {
            if (failure != null) {
                listener.onError(failure instanceof CompletionException ? failure.getCause() : failure);
                return;
            }
            try (InputStream body = response.body()) {
                requireSuccess(response);
                listener.onOpen(successful(response).build());
                parser.parse(body, listener);
                listener.onClose();
            } catch (IOException | RuntimeException e) {
                listener.onError(e);
            }
        });
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        var body = request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body());
        return builder.method(request.method().name(), body).build();
    }

    private static void requireSuccess(HttpResponse<?> response) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new UpstreamStatusException(status, response.headers().firstValue("Retry-After").orElse(null));
        }
    }

    private static SuccessfulHttpResponse.Builder successful(HttpResponse<?> response) {
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map());
    }

    private static final class Builder implements HttpClientBuilder {
        private final java.net.http.HttpClient http;
        private Duration connectTimeout;
        private Duration readTimeout;

        private Builder(java.net.http.HttpClient http) {
            this.http = http;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new StatusKeepingHttpClient(http, readTimeout);
        }
    }
}
