package dev.tollgate.pii.presidio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tollgate.pii.Finding;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Client for Presidio Analyzer's REST API ({@code /analyze}, {@code /supportedentities}, {@code /health}) as served
 * by Presidio's official analyzer image and by docker/presidio. Every call is bounded end to end by the timeout,
 * connection and body included. Errors never carry the analysed text or the response body. Thread-safe.
 */
public final class PresidioClient {
    public static final String SOURCE = "presidio";
    private static final String HEALTHY = "Presidio Analyzer service is up";
    // Non-ASCII escaped so that the body is plain ASCII whatever the text holds, lone surrogates included.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final URI baseUrl;
    private final Duration timeout;
    private final HttpClient http;

    public PresidioClient(URI baseUrl, Duration timeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Presidio timeout must be positive, not " + timeout);
        }
        String url = baseUrl.toString();
        this.baseUrl = URI.create(url.endsWith("/") ? url : url + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** Presidio's findings in the text, with offsets in UTF-16 code units; throws {@link PresidioException}. */
    public List<Finding> analyze(String text, String language) {
        return await(analyzeAsync(text, language));
    }

    /**
     * As {@link #analyze}, without blocking: the future completes within the timeout, exceptionally with a
     * {@link PresidioException} when Presidio gives no usable answer.
     */
    public CompletableFuture<List<Finding>> analyzeAsync(String text, String language) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        if (text.isEmpty()) {
            // Presidio rejects an empty text with 400; there is nothing to find in it.
            return CompletableFuture.completedFuture(List.of());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", withoutLoneSurrogates(text));
        body.put("language", language);
        body.put("return_decision_process", true);
        HttpRequest request = request("analyze")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.US_ASCII))
                .build();
        return call(request, "/analyze", answer -> findings(json(answer, "/analyze"), text));
    }

    /** The entity types Presidio detects in the language, e.g. PERSON, LOCATION, EMAIL_ADDRESS. */
    public List<String> supportedEntities(String language) {
        HttpRequest request = request("supportedentities?language=" + URLEncoder.encode(language, StandardCharsets.UTF_8))
                .GET()
                .build();
        return await(call(request, "/supportedentities", answer -> entityNames(json(answer, "/supportedentities"))));
    }

    /** True when Presidio answers its health probe within the timeout. */
    public boolean health() {
        try {
            return await(call(request("health").GET().build(), "/health", answer -> answer.strip().equals(HEALTHY)));
        } catch (PresidioException e) {
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(timeout);
    }

    /** Sends the request and parses a 200 answer's body, completing within the timeout whatever happens. */
    private <T> CompletableFuture<T> call(HttpRequest request, String endpoint, Function<String, T> parse) {
        CompletableFuture<HttpResponse<String>> exchange =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return exchange
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new PresidioException("Presidio " + endpoint + " answered HTTP " + response.statusCode());
                    }
                    return parse.apply(response.body());
                })
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, failure) -> {
                    if (failure == null) {
                        return result;
                    }
                    exchange.cancel(true);
                    throw new CompletionException(describe(failure, endpoint));
                });
    }

    private static JsonNode json(String body, String endpoint) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new PresidioException("Presidio " + endpoint + " answered a body that is not JSON", e);
        }
    }

    private static List<Finding> findings(JsonNode json, String text) {
        if (!json.isArray()) {
            throw malformed("/analyze", "not a list of results");
        }
        CodePointOffsets offsets = CodePointOffsets.of(text);
        List<Finding> findings = new ArrayList<>(json.size());
        for (JsonNode result : json) {
            JsonNode type = result.path("entity_type");
            JsonNode start = result.path("start");
            JsonNode end = result.path("end");
            JsonNode score = result.path("score");
            if (!type.isTextual() || !start.isIntegralNumber() || !start.canConvertToInt()
                    || !end.isIntegralNumber() || !end.canConvertToInt() || !score.isNumber()) {
                throw malformed("/analyze", "a result lacks entity_type, start, end or score");
            }
            if (start.intValue() < 0 || start.intValue() >= end.intValue() || end.intValue() > offsets.codePoints()) {
                throw malformed("/analyze", "a result's span lies outside the text");
            }
            if (!(score.doubleValue() >= 0 && score.doubleValue() <= 1)) {
                throw malformed("/analyze", "a result's score is outside [0, 1]");
            }
            findings.add(new Finding(type.textValue(), offsets.toUtf16(start.intValue()), offsets.toUtf16(end.intValue()),
                    score.doubleValue(), SOURCE, explanation(result.path("analysis_explanation"))));
        }
        return List.copyOf(findings);
    }

    private static String explanation(JsonNode analysis) {
        JsonNode recognizer = analysis.path("recognizer");
        return recognizer.isTextual() && !recognizer.textValue().isBlank()
                ? "Presidio " + recognizer.textValue()
                : "Presidio analyzer";
    }

    private static List<String> entityNames(JsonNode json) {
        if (!json.isArray()) {
            throw malformed("/supportedentities", "not a list of entity types");
        }
        List<String> names = new ArrayList<>(json.size());
        for (JsonNode name : json) {
            if (!name.isTextual()) {
                throw malformed("/supportedentities", "an entity type is not a string");
            }
            names.add(name.textValue());
        }
        return List.copyOf(names);
    }

    private static PresidioException malformed(String endpoint, String what) {
        return new PresidioException("Presidio " + endpoint + " answered malformed JSON: " + what);
    }

    private PresidioException describe(Throwable failure, String endpoint) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof PresidioException presidio) {
            return presidio;
        }
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return new PresidioException("Presidio " + endpoint + " gave no answer within " + timeout.toMillis() + " ms", cause);
        }
        return new PresidioException("Presidio " + endpoint + " at " + baseUrl + " failed: " + cause.getClass().getSimpleName(), cause);
    }

    private static <T> T await(CompletableFuture<T> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof PresidioException presidio) {
                throw presidio;
            }
            throw e;
        }
    }

    /**
     * Presidio rejects a text holding an unpaired surrogate (Python cannot encode it). Each one becomes U+FFFD, one
     * code point for one, so offsets are unchanged.
     */
    static String withoutLoneSurrogates(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = '\uFFFD';
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a Presidio request", e);
        }
    }
}
