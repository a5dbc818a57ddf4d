package dev.tollgate.execute.slm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.execute.ChatOptions;
import dev.tollgate.execute.ExecutorException;
import dev.tollgate.execute.ExecutorException.Kind;
import dev.tollgate.execute.Generation;
import dev.tollgate.execute.GenerationRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs the real SmolLM2-135M-Instruct GGUF; scripts/slm-model.sh fetches it. */
class SlmExecutorTest {
    private static final GenerationRequest CAPITAL = ask("What is the capital of France?", 64);
    private static final GenerationRequest STORY = ask("Write a long story about a lighthouse keeper.", 48);
    private static final String COUNT = "Count from 1 to 10 separated by commas.";
    private static final String COLOUR = "Invent a name for a new colour.";
    private static final double NEAR_TIE = 0.15;

    private static SlmExecutor shared;

    @BeforeAll
    static void load() {
        shared = SlmExecutor.load("slm-local", settings(2048, 8, Duration.ofSeconds(60)));
    }

    @AfterAll
    static void close() {
        shared.close();
    }

    @Test
    void answersTheSameRequestWithTheSameNonEmptyText() throws ExecutorException {
        Generation first = shared.generate(CAPITAL);
        Generation second = shared.generate(CAPITAL);

        assertTrue(first.text().contains("Paris"), "the greedy answer names the capital");
        assertEquals(first.text(), second.text());
        assertEquals("stop", first.finishReason());
        assertTrue(first.promptTokens() > 5, "the chat-templated prompt is counted");
        assertTrue(first.completionTokens() > 1 && first.completionTokens() < 64);
        assertEquals(first.completionTokens(), second.completionTokens());
    }

    @Test
    void scoresEveryGeneratedTokenAsTheModelsTopChoice() throws ExecutorException {
        for (String question : List.of("What is the capital of France?", COUNT, COLOUR,
                "Write a long story about a lighthouse keeper.", "Explain in two sentences why the sky is blue.")) {
            GenerationRequest request = ask(question, 48);
            Generation generation = shared.generate(request);
            TokenScorer.Scores scores = shared.score(shared.templatedPrompt(request.messages()), generation.text());

            int endToken = "stop".equals(generation.finishReason()) ? 1 : 0;
            assertEquals(generation.completionTokens() - endToken, scores.tokens().length,
                    "the answer's text tokenizes back into as many tokens as were generated");
            // Greedy decoding chose each token as the argmax of its position's logits. The scorer evaluates the
            // answer in one batch where generation went one token at a time, which moves the logits slightly:
            // measured, 2 of 161 tokens flip to a rival word less than 0.08 nats ahead.
            int flipped = 0;
            for (int i = 0; i < scores.tokens().length; i++) {
                if (scores.argmax()[i] != scores.tokens()[i]) {
                    flipped++;
                    assertTrue(scores.argmaxLogProbs()[i] - scores.logProbs()[i] < NEAR_TIE,
                            "token " + i + " is a near tie with the scorer's top choice");
                }
                assertTrue(scores.logProbs()[i] <= scores.argmaxLogProbs()[i] && scores.argmaxLogProbs()[i] <= 0);
            }
            assertTrue(flipped <= 1, flipped + " of " + scores.tokens().length + " tokens are not the top choice");
        }
    }

    @Test
    void ratesTheAnswerWithARepeatableConfidence() throws ExecutorException {
        GenerationRequest request = withConfidence(CAPITAL);
        Generation first = shared.generate(request);
        List<String> pieces = new ArrayList<>();
        Generation streamed = shared.stream(request, pieces::add);

        assertTrue(first.confidence() > 0 && first.confidence() <= 1, "confidence " + first.confidence());
        assertEquals(first.confidence(), streamed.confidence());
        assertEquals(first.text(), streamed.text());
        TokenScorer.Scores scores = shared.score(shared.templatedPrompt(request.messages()), first.text());
        assertEquals(Math.exp(Arrays.stream(scores.logProbs()).average().orElseThrow()), first.confidence(), 1e-12,
                "the geometric mean of the answer's token probabilities");
    }

    @Test
    void hasNoConfidenceUnlessTheRequestAsksForIt() throws ExecutorException {
        Generation without = shared.generate(CAPITAL);

        assertNull(without.confidence());
        assertEquals(without.text(), shared.generate(withConfidence(CAPITAL)).text());
    }

    @Test
    void isMoreConfidentOfAPredictableAnswerThanOfAnOpenEndedOne() throws ExecutorException {
        double counting = shared.generate(withConfidence(ask(COUNT, 48))).confidence();
        double naming = shared.generate(withConfidence(ask(COLOUR, 48))).confidence();

        assertTrue(counting > naming, "counting " + counting + ", inventing a colour's name " + naming);
    }

    @Test
    void samplesRepeatablyFromItsSeedAndDifferentlyFromAnotherSeed() throws ExecutorException {
        GenerationRequest colour = ask(COLOUR, 24);
        List<String> samples = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            samples.add(shared.generate(colour.sampled(new GenerationRequest.Sampling(0.8f, seed))).text());
        }
        String again = shared.generate(colour.sampled(new GenerationRequest.Sampling(0.8f, 1))).text();

        assertEquals(samples.getFirst(), again, "the same seed gives the same sample");
        assertTrue(samples.stream().distinct().count() > 1, "three seeds gave one answer: " + samples.size());
        assertTrue(samples.stream().allMatch(s -> !s.isBlank()));
    }

    @Test
    void stopsAtMaxTokensWithFinishReasonLength() throws ExecutorException {
        Generation generation = shared.generate(ask("Write a long story about a lighthouse keeper.", 5));

        assertEquals("length", generation.finishReason());
        assertEquals(5, generation.completionTokens());
        assertFalse(generation.text().isBlank());
    }

    @Test
    void streamsPiecesThatMakeUpTheAnswer() throws ExecutorException {
        List<String> pieces = new ArrayList<>();
        Generation streamed = shared.stream(STORY, pieces::add);

        assertTrue(pieces.size() > 1, "the answer arrives piece by piece");
        assertEquals(streamed.text(), String.join("", pieces));
        assertEquals(shared.generate(STORY).text(), streamed.text());
    }

    @Test
    void putsTheSystemMessagesIntoThePrompt() throws ExecutorException {
        GenerationRequest withSystem = new GenerationRequest(List.of(
                new Message("system", "You are a pirate."),
                new Message("user", "What is the capital of France?"),
                new Message("system", "Always answer like a pirate.")), 64);

        int added = shared.generate(withSystem).promptTokens() - shared.generate(CAPITAL).promptTokens();
        assertTrue(added >= 10, "both system messages and their chat markup are in the prompt, added " + added);
    }

    @Test
    void rejectsAnUnknownRole() {
        GenerationRequest tool = new GenerationRequest(List.of(new Message("narrator", "42")), 8);

        assertThrows(IllegalArgumentException.class, () -> shared.generate(tool));
    }

    @Test
    void keepsServingAfterAStreamConsumerFails() throws ExecutorException {
        try (SlmExecutor single = SlmExecutor.load("slm-local", settings(2048, 1, Duration.ofSeconds(60)))) {
            assertThrows(IllegalStateException.class, () -> single.stream(STORY, piece -> {
                throw new IllegalStateException("client went away");
            }));

            assertEquals(shared.generate(CAPITAL).text(), single.generate(CAPITAL).text());
        }
    }

    @Test
    void refusesAPromptThatLeavesNoRoomInTheContext() {
        try (SlmExecutor small = SlmExecutor.load("slm-local", settings(32, 1, Duration.ofSeconds(60)))) {
            GenerationRequest longPrompt = ask("word ".repeat(60), 8);

            ExecutorException e = assertThrows(ExecutorException.class, () -> small.generate(longPrompt));
            assertEquals(Kind.INPUT_TOO_LONG, e.kind());
        }
    }

    @Test
    void queuesEightConcurrentRequestsForOneInstance() throws Exception {
        try (SlmExecutor single = SlmExecutor.load("slm-local", settings(2048, 8, Duration.ofSeconds(120)));
             ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<Generation>> answers = generateAtOnce(callers, 8, i -> single, CAPITAL);

            String expected = shared.generate(CAPITAL).text();
            for (Future<Generation> answer : answers) {
                assertEquals(expected, answer.get(120, TimeUnit.SECONDS).text());
            }
        }
    }

    @Test
    void givesConcurrentRequestsOnTwoExecutorsTheSameAnswer() throws Exception {
        // a prompt whose greedy answer changed when two llama.cpp instances computed at once
        GenerationRequest notice = ask("Summarise the following notice for a customer in two sentences. Our "
                + "offices will be closed on Monday for the regional holiday. Orders placed over the weekend will be "
                + "processed on Tuesday morning, and deliveries scheduled for Monday will arrive one day later than "
                + "planned. Support by e-mail stays open, and urgent requests are answered within four hours.", 64);
        String alone = shared.generate(notice).text();
        try (SlmExecutor other = SlmExecutor.load("slm-other", settings(2048, 8, Duration.ofSeconds(120)));
             ExecutorService callers = Executors.newFixedThreadPool(6)) {
            List<Future<Generation>> answers = generateAtOnce(callers, 6, i -> i % 2 == 0 ? shared : other, notice);

            for (Future<Generation> answer : answers) {
                assertEquals(alone, answer.get(120, TimeUnit.SECONDS).text());
            }
        }
    }

    @Test
    void refusesWithOverloadedUnderLoadWhenTheQueueIsTiny() throws Exception {
        try (SlmExecutor single = SlmExecutor.load("slm-local", settings(2048, 1, Duration.ofMillis(50)));
             ExecutorService callers = Executors.newFixedThreadPool(6)) {
            List<Future<Generation>> answers = generateAtOnce(callers, 6, i -> single, STORY);

            int answered = 0;
            int overloaded = 0;
            for (Future<Generation> answer : answers) {
                try {
                    answer.get(120, TimeUnit.SECONDS);
                    answered++;
                } catch (ExecutionException e) {
                    assertEquals(Kind.OVERLOADED, ((ExecutorException) e.getCause()).kind());
                    overloaded++;
                }
            }
            assertTrue(answered >= 1, "the instance keeps answering");
            assertTrue(overloaded >= 4, "at most one caller runs and one waits; the waiter times out too");
            assertEquals(6, answered + overloaded);
        }
    }

    @Test
    void refusesAtOnceWhenTheQueueIsFull() throws Exception {
        assertTrue(refusalWaitWhileBusy(0) < 300, "a full queue refuses without waiting");
    }

    @Test
    void refusesAQueuedRequestAfterTheTimeout() throws Exception {
        assertTrue(refusalWaitWhileBusy(1) >= 290, "a queued request waits for the timeout");
    }

    /** @return milliseconds a request waited before OVERLOADED while another held the model */
    private static long refusalWaitWhileBusy(int queueCapacity) throws Exception {
        try (SlmExecutor single = SlmExecutor.load("slm-local", settings(2048, queueCapacity,
                Duration.ofMillis(300))); ExecutorService holder = Executors.newSingleThreadExecutor()) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            Future<Generation> held = holder.submit(() -> single.stream(STORY, piece -> {
                holding.countDown();
                awaitQuietly(letGo);
            }));
            assertTrue(holding.await(60, TimeUnit.SECONDS));

            long began = System.nanoTime();
            ExecutorException e = assertThrows(ExecutorException.class, () -> single.generate(CAPITAL));
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            assertEquals(Kind.OVERLOADED, e.kind());

            letGo.countDown();
            assertEquals("length", held.get(60, TimeUnit.SECONDS).finishReason(), "the held request completes");
            return waitedMs;
        }
    }

    @Test
    void refusesCallsAfterClose() throws ExecutorException {
        SlmExecutor closing = SlmExecutor.load("slm-local", settings(512, 1, Duration.ofSeconds(5)));
        assertTrue(closing.generate(withConfidence(ask("Hi", 4))).confidence() > 0, "the scorer is loaded");
        closing.close();
        closing.close();

        assertEquals(Kind.OVERLOADED, assertThrows(ExecutorException.class,
                () -> closing.generate(CAPITAL)).kind());
        assertEquals(Kind.OVERLOADED, assertThrows(ExecutorException.class,
                () -> closing.stream(CAPITAL, piece -> { })).kind());
        assertEquals(Kind.OVERLOADED, assertThrows(ExecutorException.class,
                () -> closing.generate(withConfidence(CAPITAL))).kind());
        assertEquals(Kind.OVERLOADED, assertThrows(ExecutorException.class,
                () -> closing.score("Hi", "Hello")).kind());
    }

    /** Submits {@code count} generations of {@code request} that start together, the i-th on {@code executor(i)}. */
    private static List<Future<Generation>> generateAtOnce(ExecutorService callers, int count,
                                                           IntFunction<SlmExecutor> executor,
                                                           GenerationRequest request) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Generation>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SlmExecutor on = executor.apply(i);
            answers.add(callers.submit(() -> {
                start.await();
                return on.generate(request);
            }));
        }
        start.countDown();
        return answers;
    }

    private static Path modelPath() {
        String configured = System.getenv("TOLLGATE_SLM_MODEL");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("tollgate.slm.model", "");
        }
        if (configured.isBlank() || !Files.isRegularFile(Path.of(configured))) {
            fail("No on-device model: run scripts/slm-model.sh and set TOLLGATE_SLM_MODEL to the path it prints");
        }
        return Path.of(configured);
    }

    private static SlmSettings settings(int contextSize, int queueCapacity, Duration queueTimeout) {
        return new SlmSettings(modelPath(), contextSize, 1, queueCapacity, queueTimeout);
    }

    @Test
    void aStopStringEndsTheAnswerBeforeIt() throws ExecutorException {
        String full = shared.generate(ask(COUNT, 48)).text();
        assertTrue(full.contains("5"), full);

        Generation stopped = shared.generate(new GenerationRequest(List.of(new Message("user", COUNT)), 48,
                new ChatOptions(null, null, List.of("5"), null, null)));

        assertEquals(full.substring(0, full.indexOf('5')), stopped.text());
        assertEquals("stop", stopped.finishReason());
    }

    @Test
    void aSampledAnswerRepeatsWithItsSeedAndVariesAcrossSeeds() throws ExecutorException {
        IntFunction<String> sampled = seed -> {
            try {
                return shared.generate(new GenerationRequest(List.of(new Message("user", COLOUR)), 24,
                        new ChatOptions(1.5, 0.95, List.of(), seed, null))).text();
            } catch (ExecutorException e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals(sampled.apply(7), sampled.apply(7));
        assertTrue(IntStream.rangeClosed(1, 4).mapToObj(sampled).distinct().count() > 1,
                "a temperature above 0 samples");
    }

    @Test
    void aJsonResponseFormatGivesJsonAndAJsonSchemaItsShape() throws Exception {
        JsonNode schema = Json.MAPPER.readTree("""
                {"type": "json_schema", "json_schema": {"name": "capital", "schema": {"type": "object",
                 "properties": {"city": {"type": "string"}, "country": {"type": "string"}},
                 "required": ["city", "country"], "additionalProperties": false}}}""");
        JsonNode object = Json.MAPPER.readTree("{\"type\": \"json_object\"}");
        List<Message> messages = List.of(new Message("user",
                "Give the capital of France as a JSON object with the keys city and country."));

        Generation any = shared.generate(new GenerationRequest(messages, 256,
                new ChatOptions(null, null, List.of(), null, object)));
        String shaped = shared.generate(new GenerationRequest(messages, 256,
                new ChatOptions(null, null, List.of(), null, schema))).text();

        assertEquals("stop", any.finishReason(), any.text());
        assertTrue(Json.MAPPER.readTree(any.text()).isObject(), any.text());
        JsonNode answer = Json.MAPPER.readTree(shaped);
        Set<String> fields = new TreeSet<>();
        answer.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("city", "country"), fields, shaped);
        assertTrue(answer.get("city").isTextual() && answer.get("country").isTextual(), shaped);
    }

    /**
     * Schemas llama.cpp's converter cannot take abort the process inside the binding (measured): they are refused
     * before it is called, and the model goes on answering.
     */
    @Test
    void aJsonSchemaOutsideTheGrammarsReachIsRefusedWithoutCallingTheConverter() throws Exception {
        for (String schema : List.of("{\"type\": 5}", "{\"type\": \"foo\"}",
                "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/missing\"}}}",
                "{\"type\": \"string\", \"pattern\": \"((\"}", "{\"description\": \"anything\"}",
                "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"minLength\": \"x\"}}}")) {
            JsonNode format = Json.MAPPER.readTree("{\"type\": \"json_schema\", \"json_schema\": {\"name\": \"s\", "
                    + "\"schema\": " + schema + "}}");
            ExecutorException e = assertThrows(ExecutorException.class, () -> shared.generate(new GenerationRequest(
                    CAPITAL.messages(), 16, new ChatOptions(null, null, List.of(), null, format))), schema);
            assertEquals(Kind.UNSUPPORTED_REQUEST, e.kind(), schema);
        }
        assertTrue(shared.generate(CAPITAL).text().contains("Paris"));
    }

    private static GenerationRequest ask(String question, int maxTokens) {
        return new GenerationRequest(List.of(new Message("user", question)), maxTokens);
    }

    private static GenerationRequest withConfidence(GenerationRequest request) {
        return new GenerationRequest(request.messages(), request.maxTokens(), true);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
