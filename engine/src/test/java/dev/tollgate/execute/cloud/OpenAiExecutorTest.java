package dev.tollgate.execute.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.execute.ChatOptions;
import dev.tollgate.execute.ExecutorException;
import dev.tollgate.execute.ExecutorException.Kind;
import dev.tollgate.execute.Generation;
import dev.tollgate.execute.GenerationRequest;
import dev.tollgate.execute.cloud.FaultyOpenAiServer.Received;
import dev.tollgate.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import static dev.tollgate.execute.cloud.FaultyOpenAiServer.answer;
import static dev.tollgate.execute.cloud.FaultyOpenAiServer.delayed;
import static dev.tollgate.execute.cloud.FaultyOpenAiServer.malformed;
import static dev.tollgate.execute.cloud.FaultyOpenAiServer.noChoices;
import static dev.tollgate.execute.cloud.FaultyOpenAiServer.reset;
import static dev.tollgate.execute.cloud.FaultyOpenAiServer.stallAfter;
import static dev.tollgate.execute.cloud.FaultyOpenAiServer.status;
import static dev.tollgate.execute.cloud.FaultyOpenAiServer.stream;
import static dev.tollgate.execute.cloud.FaultyOpenAiServer.streamGated;
import static dev.tollgate.execute.cloud.FaultyOpenAiServer.truncated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenAiExecutorTest {

    private static final String PROMPT = "Transfer to IBAN DE89370400440532013000 for Jane Roe";
    private static final GenerationRequest REQUEST = new GenerationRequest(List.of(
            new Message("system", "Answer briefly."),
            new Message("user", "Hello"),
            new Message("assistant", "Hi, how can I help?"),
            new Message("user", PROMPT)), 64);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_RETRIES = 2;

    private FaultyOpenAiServer server;
    private OpenAiExecutor executor;

    @BeforeEach
    void start() throws IOException {
        server = new FaultyOpenAiServer();
        executor = executor(server.baseUrl(), TIMEOUT, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        executor.close();
        server.close();
    }

    @Test
    void generatesAndSendsModelMessagesAndApiKey() throws Exception {
        server.then(answer("Done."));

        Generation generation = executor.generate(REQUEST);

        assertEquals("Done.", generation.text());
        assertEquals(11, generation.promptTokens());
        assertEquals(7, generation.completionTokens());
        assertNull(generation.confidence());
        assertEquals("stop", generation.finishReason());
        assertEquals("eu-cloud", executor.destination());
        Received received = single();
        assertEquals("/v1/chat/completions", received.path());
        assertEquals("Bearer sk-test-key", received.header("Authorization"));
        assertEquals("gpt-test", received.body().path("model").asText());
        assertEquals(0.0, received.body().path("temperature").asDouble(-1));
        assertEquals(64, received.body().path("max_tokens").asInt());
        var messages = received.body().path("messages");
        assertEquals(REQUEST.messages().size(), messages.size());
        for (int i = 0; i < messages.size(); i++) {
            assertEquals(REQUEST.messages().get(i).role(), messages.get(i).path("role").asText());
            assertEquals(REQUEST.messages().get(i).content(), messages.get(i).path("content").asText());
        }
    }

    @Test
    void sendsTheCallersDecodingOptionsAsOpenAiTakesThemPlainAndStreamed() throws Exception {
        JsonNode format = Json.MAPPER.readTree("""
                {"type": "json_schema", "json_schema": {"name": "hours", "strict": true, "schema": {"type": "object",
                 "properties": {"opens": {"type": "string", "pattern": "^[0-9]{2}:[0-9]{2}$"}},
                 "required": ["opens"], "additionalProperties": false}}}""");
        GenerationRequest request = new GenerationRequest(REQUEST.messages(), 32,
                new ChatOptions(0.9, 0.5, List.of("END", "\n\n"), 1234, format));
        server.then(answer("{}"));
        server.then(stream("{", "}"));

        executor.generate(request);
        executor.stream(request, piece -> {
        });

        for (Received received : server.received()) {
            JsonNode body = received.body();
            assertEquals(0.9, body.path("temperature").asDouble());
            assertEquals(0.5, body.path("top_p").asDouble());
            assertEquals(1234, body.path("seed").asInt());
            assertEquals(List.of("END", "\n\n"), body.path("stop").valueStream().map(JsonNode::asText).toList());
            assertEquals(format, body.path("response_format"), "the schema goes as the caller wrote it");
            assertEquals(32, body.path("max_tokens").asInt());
        }
        assertEquals(2, server.received().size());
    }

    @Test
    void reportsLengthAndZeroTokensWhenTruncatedWithoutUsage() throws Exception {
        server.then(truncated("Partial"));

        Generation generation = executor.generate(REQUEST);

        assertEquals("length", generation.finishReason());
        assertEquals(0, generation.promptTokens());
        assertEquals(0, generation.completionTokens());
    }

    @Test
    void timesOutWithoutRetryingWhenTheAnswerIsLate() throws Exception {
        Duration timeout = Duration.ofMillis(500);
        try (OpenAiExecutor impatient = executor(server.baseUrl(), timeout, Duration.ofSeconds(5))) {
            server.always(delayed(Duration.ofSeconds(20), answer("too late")));
            long start = System.nanoTime();

            ExecutorException e = failure(() -> impatient.generate(REQUEST));

            assertEquals(Kind.TIMEOUT, e.kind());
            assertTrue(System.nanoTime() - start >= timeout.toNanos());
            assertEquals(1, server.received().size());
        }
    }

    @Test
    void retriesA429AfterItsRetryAfter() throws Exception {
        server.then(status(429, "Retry-After", "1"), answer("Done."));

        assertEquals("Done.", executor.generate(REQUEST).text());

        List<Received> received = server.received();
        assertEquals(2, received.size());
        assertTrue(received.get(1).atNanos() - received.get(0).atNanos() >= Duration.ofMillis(950).toNanos());
    }

    @Test
    void capsRetryAfterAtMaxRetryAfter() throws Exception {
        try (OpenAiExecutor capped = executor(server.baseUrl(), TIMEOUT, Duration.ofMillis(100))) {
            server.then(status(429, "Retry-After", "3600"), answer("Done."));
            long start = System.nanoTime();

            assertEquals("Done.", capped.generate(REQUEST).text());

            assertTrue(System.nanoTime() - start < Duration.ofSeconds(60).toNanos());
            assertEquals(2, server.received().size());
        }
    }

    @Test
    void rateLimitedAfterMaxRetries() {
        server.always(status(429, "Retry-After", "0"));

        assertEquals(Kind.RATE_LIMITED, failure(() -> executor.generate(REQUEST)).kind());
        assertEquals(MAX_RETRIES + 1, server.received().size());
    }

    @Test
    void retriesServerErrorsWithBackoff() throws Exception {
        server.then(status(500), status(503), answer("Done."));

        assertEquals("Done.", executor.generate(REQUEST).text());

        List<Received> received = server.received();
        assertEquals(3, received.size());
        long minimumBackoff = Retrier.BASE_BACKOFF.toNanos() / 2;
        assertTrue(received.get(1).atNanos() - received.get(0).atNanos() >= minimumBackoff);
        assertTrue(received.get(2).atNanos() - received.get(1).atNanos() >= 2 * minimumBackoff);
    }

    @Test
    void serverErrorAfterMaxRetries() {
        server.always(status(500));

        assertEquals(Kind.SERVER_ERROR, failure(() -> executor.generate(REQUEST)).kind());
        assertEquals(MAX_RETRIES + 1, server.received().size());
    }

    @Test
    void unreachableWhenTheConnectionIsResetAfterRetrying() {
        server.always(reset());

        assertEquals(Kind.UNREACHABLE, failure(() -> executor.generate(REQUEST)).kind());
        assertEquals(MAX_RETRIES + 1, server.received().size());
    }

    @Test
    void unreachableWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (OpenAiExecutor nowhere = executor("http://127.0.0.1:" + closedPort + "/v1", TIMEOUT,
                Duration.ofSeconds(5))) {
            assertEquals(Kind.UNREACHABLE, failure(() -> nowhere.generate(REQUEST)).kind());
        }
    }

    @Test
    void badResponseWithoutRetryForMalformedJson() {
        server.always(malformed());

        assertEquals(Kind.BAD_RESPONSE, failure(() -> executor.generate(REQUEST)).kind());
        assertEquals(1, server.received().size());
    }

    @Test
    void badResponseWithoutRetryWhenThereAreNoChoices() {
        server.always(noChoices());

        assertEquals(Kind.BAD_RESPONSE, failure(() -> executor.generate(REQUEST)).kind());
        assertEquals(1, server.received().size());
    }

    @Test
    void badResponseWithoutRetryFor401() {
        server.always(status(401));

        assertEquals(Kind.BAD_RESPONSE, failure(() -> executor.generate(REQUEST)).kind());
        assertEquals(1, server.received().size());
    }

    @Test
    void streamsPiecesAsTheyArrive() throws Exception {
        CountDownLatch firstPieceHandedOut = new CountDownLatch(1);
        server.then(streamGated(firstPieceHandedOut, "Bon", "jour", ", Jane."));
        List<String> pieces = new CopyOnWriteArrayList<>();

        Generation generation = executor.stream(REQUEST, piece -> {
            pieces.add(piece);
            firstPieceHandedOut.countDown();
        });

        assertEquals(List.of("Bon", "jour", ", Jane."), pieces);
        assertEquals(String.join("", pieces), generation.text());
        assertEquals(11, generation.promptTokens());
        assertEquals(5, generation.completionTokens());
        assertEquals("stop", generation.finishReason());
        Received received = single();
        assertTrue(received.body().path("stream").asBoolean());
        assertEquals("Bearer sk-test-key", received.header("Authorization"));
        assertEquals(PROMPT, received.lastMessage());
    }

    @Test
    void streamRetriesA429BeforeTheFirstPiece() throws Exception {
        server.then(status(429, "Retry-After", "0"), stream("Hel", "lo"));
        List<String> pieces = new CopyOnWriteArrayList<>();

        Generation generation = executor.stream(REQUEST, pieces::add);

        assertEquals(List.of("Hel", "lo"), pieces);
        assertEquals("Hello", generation.text());
        assertEquals(2, server.received().size());
    }

    @Test
    void streamTimesOutWithoutRetryWhenItStallsAfterAPiece() throws Exception {
        Duration timeout = Duration.ofMillis(800);
        try (OpenAiExecutor impatient = executor(server.baseUrl(), timeout, Duration.ofSeconds(5))) {
            server.always(stallAfter("Hel"));
            List<String> pieces = new CopyOnWriteArrayList<>();

            ExecutorException e = failure(() -> impatient.stream(REQUEST, pieces::add));

            assertEquals(Kind.TIMEOUT, e.kind());
            assertEquals(List.of("Hel"), pieces);
            assertEquals(1, server.received().size());
        }
    }

    @Test
    void streamFailsLikeGenerateOnA401() {
        server.always(status(401));

        assertEquals(Kind.BAD_RESPONSE, failure(() -> executor.stream(REQUEST, piece -> { })).kind());
        assertEquals(1, server.received().size());
    }

    @Test
    void closingEndsACallInFlightWithoutRetrying() throws Exception {
        server.always(delayed(Duration.ofSeconds(20), answer("too late")));
        CompletableFuture<Generation> call = CompletableFuture.supplyAsync(() -> {
            try {
                return executor.generate(REQUEST);
            } catch (ExecutorException e) {
                throw new CompletionException(e);
            }
        });
        Eventually.until("the call received by the server", Duration.ofSeconds(30), () -> !server.received().isEmpty());

        executor.close();

        ExecutionException e = assertThrows(ExecutionException.class, call::get);
        assertEquals(Kind.OVERLOADED, ((ExecutorException) e.getCause()).kind());
        assertEquals(1, server.received().size());
    }

    @Test
    void refusesWorkOnceClosed() {
        executor.close();

        assertEquals(Kind.OVERLOADED, failure(() -> executor.generate(REQUEST)).kind());
        assertTrue(server.received().isEmpty());
    }

    private static OpenAiExecutor executor(String baseUrl, Duration timeout, Duration maxRetryAfter) {
        return new OpenAiExecutor("eu-cloud",
                new CloudSettings(baseUrl, "gpt-test", "sk-test-key", timeout, MAX_RETRIES, maxRetryAfter));
    }

    private Received single() {
        List<Received> received = server.received();
        assertEquals(1, received.size());
        return received.getFirst();
    }

    /** The call's failure, checked never to quote the prompt, which the server's error bodies echo. */
    private static ExecutorException failure(Executable call) {
        ExecutorException e = assertThrows(ExecutorException.class, call);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("DE89370400440532013000"), t.getMessage());
        }
        return e;
    }
}
