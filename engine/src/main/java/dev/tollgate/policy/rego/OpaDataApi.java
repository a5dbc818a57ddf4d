package dev.tollgate.policy.rego;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.policy.EngineException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A client of OPA's Data API ({@code POST /v1/data/<path>} with {"input": ...}). One HTTP/1.1 client with
 * kept-alive connections per OPA server. Every failure becomes an {@link EngineException} whose message
 * names the server and what went wrong, never the input.
 */
final class OpaDataApi {
    /** OPA's answer: the document at the path and OPA's decision id (null when decision logging is off). */
    record Answer(JsonNode result, String decisionId) {
    }

    private final URI opaUrl;
    private final Duration timeout;
    private final HttpClient http;

    OpaDataApi(URI opaUrl, Duration timeout) {
        this.opaUrl = opaUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI url() {
        return opaUrl;
    }

    /** @param inputJson the input document as JSON, or null to query without input */
    CompletableFuture<Answer> query(String path, String inputJson) {
        HttpRequest request = HttpRequest.newBuilder(opaUrl.resolve("/v1/data/" + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(inputJson == null ? "{}" : "{\"input\":" + inputJson + "}"))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw failure(path, failure instanceof CompletionException ? failure.getCause() : failure);
                    }
                    return answer(path, response);
                });
    }

    /** Waits for a query, unwrapping its failure. */
    Answer await(CompletableFuture<Answer> query) {
        try {
            return query.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof EngineException engineFailure) {
                throw engineFailure;
            }
            throw new EngineException("OPA at " + opaUrl + " failed (" + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    private Answer answer(String path, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new EngineException("OPA at " + opaUrl + " answered HTTP " + response.statusCode() + " for " + path);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new EngineException("OPA at " + opaUrl + " answered malformed JSON for " + path);
        }
        if (body == null || !body.isObject()) {
            throw new EngineException("OPA at " + opaUrl + " answered malformed JSON for " + path);
        }
        if (!body.has("result")) {
            throw new EngineException("OPA at " + opaUrl + " has no result for " + path + " (undefined)");
        }
        JsonNode decisionId = body.path("decision_id");
        return new Answer(body.get("result"), decisionId.isTextual() ? decisionId.asText() : null);
    }

    private EngineException failure(String path, Throwable cause) {
        String what;
        if (cause instanceof HttpConnectTimeoutException) {
            what = "did not accept a connection within " + timeout.toMillis() + " ms";
        } else if (cause instanceof HttpTimeoutException) {
            what = "timed out after " + timeout.toMillis() + " ms";
        } else if (cause instanceof ConnectException) {
            what = "is unreachable (connection refused)";
        } else if (cause instanceof IOException) {
            what = "closed the connection without an answer";
        } else {
            what = "failed (" + cause.getClass().getSimpleName() + ")";
        }
        return new EngineException("OPA at " + opaUrl + " " + what + " for " + path, cause);
    }
}
