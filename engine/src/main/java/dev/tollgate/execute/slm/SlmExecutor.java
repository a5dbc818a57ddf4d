package dev.tollgate.execute.slm;

import com.fasterxml.jackson.databind.JsonNode;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.execute.ChatOptions;
import dev.tollgate.execute.Executor;
import dev.tollgate.execute.ExecutorException;
import dev.tollgate.execute.ExecutorException.Kind;
import dev.tollgate.execute.Generation;
import dev.tollgate.execute.GenerationRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a GGUF chat model in-process through llama.cpp (de.kherud:llama), greedily (temperature 0, fixed seed),
 * so one request always gets the same answer; a request that asks for sampling
 * ({@link GenerationRequest#sampling()}) is sampled at its temperature from its seed, so it too gets the same
 * answer every time.
 *
 * <p>One instance serves every request, one at a time across the process (see {@link SerialModel}); others
 * wait in a bounded queue. A pool of instances, or parallel slots in one, was measured: both gave different
 * answers to the same request when generations overlapped (docs/slm.md), so there is one.
 *
 * <p>{@link Generation#confidence()} is exp(mean log p) over the answer's tokens, p being the probability the
 * model gives each token after the prompt and the tokens before it, and is computed only when the request asks
 * for it ({@link GenerationRequest#withConfidence()}). The binding's own route to token probabilities
 * ({@code InferenceParameters.setNProbs}) aborts the JVM (docs/slm.md), so a {@link TokenScorer} re-evaluates
 * the answer through llama.cpp's C API. When scoring fails the answer still comes back, with a null confidence.
 */
public final class SlmExecutor implements Executor {
    private static final Logger LOG = System.getLogger(SlmExecutor.class.getName());
    private static final int SEED = 42;
    private static final String NATIVE_DIR = "de.kherud.llama.tmpdir";
    /** What a json_object response format asks for: any JSON object. */
    private static final String ANY_OBJECT = "{\"type\": \"object\"}";
    private static final Random RANDOM = new Random();

    private final String destination;
    private final int contextSize;
    private final SerialModel serial;
    private final CompletableFuture<LlamaModel> model;
    private final Thread loader;
    private final AtomicBoolean loadStarted = new AtomicBoolean();

    private SlmExecutor(String destination, SlmSettings settings) {
        this.destination = destination;
        this.contextSize = settings.contextSize();
        this.model = new CompletableFuture<>();
        this.loader = Thread.ofPlatform().name("slm-load-" + destination).unstarted(() -> load(settings));
        this.serial = new SerialModel(model,
                () -> TokenScorer.load(settings.model(), settings.contextSize(), settings.threads()),
                settings.queueCapacity(), settings.queueTimeout());
    }

    /**
     * An executor whose model loads on a thread of its own, from {@link #startLoading()} or the first call that
     * needs it: a service does not need the model to decide, so it listens first and loads the model after; a
     * generation asked for before the load ends waits for it. A model llama.cpp cannot load is logged, and every
     * generation is then refused (UNREACHABLE).
     *
     * @throws IllegalArgumentException when the model file does not exist
     */
    public static SlmExecutor load(String destination, SlmSettings settings) {
        if (!Files.isRegularFile(settings.model())) {
            throw new IllegalArgumentException("on-device model not found: " + settings.model()
                    + " (run scripts/slm-model.sh)");
        }
        privateNativeDirectory();
        return new SlmExecutor(destination, settings);
    }

    private void load(SlmSettings settings) {
        long began = System.nanoTime();
        try {
            LlamaModel loaded = new LlamaModel(modelParameters(settings.model().toString(), settings.contextSize(),
                    settings.threads()).disableLog()); // llama.cpp's own log could echo prompt text
            if (!model.complete(loaded)) {
                loaded.close(); // closed while loading
            }
            LOG.log(Level.INFO, "on-device model of ''{0}'' loaded in {1} ms", destination,
                    (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "the on-device model of '" + destination + "' (" + settings.model()
                    + ") could not be loaded; it answers nothing", e);
            model.completeExceptionally(e);
        }
    }

    /** Starts loading the model, once; calls that need it wait for the load. */
    public void startLoading() {
        if (loadStarted.compareAndSet(false, true)) {
            loader.start();
        }
    }

    /** One instance with one slot, as {@link SerialModel} requires; shared with SlmBenchmark (tools module). */
    static ModelParameters modelParameters(String gguf, int contextSize, int threads) {
        return new ModelParameters()
                .setModel(gguf)
                .setCtxSize(contextSize)
                .setParallel(1)
                .setThreads(threads)
                .setThreadsBatch(threads);
    }

    /** Greedy, with a fixed seed; shared with SlmBenchmark (tools module). */
    static InferenceParameters greedy(String prompt) {
        return new InferenceParameters(prompt)
                .setTemperature(0f)
                .setSeed(SEED)
                // a reused prompt cache evaluates in other batch sizes, which llama.cpp says may change the logits
                .setCachePrompt(false);
    }

    /**
     * Greedy, or sampled at the request's temperature from its seed (llama.cpp's default sampler chain), under the
     * caller's options: sampled when the caller asked for a temperature above 0 (from its seed, else a random one),
     * top_p, stop strings, and a JSON grammar for a JSON response format.
     */
    private static InferenceParameters decoding(String prompt, GenerationRequest request) {
        ChatOptions options = request.options();
        GenerationRequest.Sampling sampling = request.sampling();
        if (sampling == null && options.sampled()) {
            sampling = new GenerationRequest.Sampling(options.temperature().floatValue(),
                    options.seed() == null ? RANDOM.nextInt() : options.seed());
        }
        InferenceParameters inference = sampling == null ? greedy(prompt) : new InferenceParameters(prompt)
                .setTemperature(sampling.temperature())
                .setSeed(sampling.seed())
                .setCachePrompt(false);
        if (options.topP() != null) {
            inference.setTopP(options.topP().floatValue());
        }
        if (!options.stop().isEmpty()) {
            inference.setStopStrings(options.stop().toArray(String[]::new));
        }
        if (options.responseFormat() != null) {
            JsonNode schema = options.jsonSchema();
            inference.setGrammar(LlamaModel.jsonSchemaToGrammar(schema == null ? ANY_OBJECT : schema.toString()));
        }
        return inference;
    }

    /**
     * The binding extracts its native library to one fixed file in java.io.tmpdir unless told otherwise; two
     * processes starting at once (the service and a test run) then overwrite each other's file and one fails to
     * load it. Each process gets a directory of its own.
     */
    static synchronized void privateNativeDirectory() {
        if (System.getProperty(NATIVE_DIR) == null) {
            try {
                Path dir = Files.createTempDirectory("tollgate-llama");
                dir.toFile().deleteOnExit();
                dir.resolve(System.mapLibraryName("jllama")).toFile().deleteOnExit();
                System.setProperty(NATIVE_DIR, dir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for llama.cpp's native library", e);
            }
        }
    }

    /**
     * Waits for the model's load to end.
     *
     * @throws IllegalStateException when it failed
     */
    public void awaitLoaded() {
        startLoading();
        serial.awaitLoaded();
    }

    private LlamaModel acquire() throws ExecutorException {
        startLoading();
        return serial.acquire();
    }

    /** Requests admitted to the model: the one it computes and those waiting in its queue. */
    public int admitted() {
        return serial.admitted();
    }

    @Override
    public String destination() {
        return destination;
    }

    @Override
    public Generation generate(GenerationRequest request) throws ExecutorException {
        return stream(request, piece -> {
        });
    }

    @Override
    public Generation stream(GenerationRequest request, Consumer<String> onText) throws ExecutorException {
        LlamaModel model = acquire();
        try {
            return generateOn(model, request, onText);
        } finally {
            serial.release();
        }
    }

    private Generation generateOn(LlamaModel model, GenerationRequest request, Consumer<String> onText)
            throws ExecutorException {
        JsonNode schema = request.options().jsonSchema();
        Optional<String> unsupported = schema == null ? Optional.empty() : JsonSchemaSubset.unsupported(schema);
        if (unsupported.isPresent()) {
            throw new ExecutorException(Kind.UNSUPPORTED_REQUEST, "the response format's JSON schema is outside what "
                    + "the on-device model's grammar takes: " + unsupported.get());
        }
        String prompt = prompt(model, request.messages());
        int promptTokens = llama(() -> model.encode(prompt)).length;
        int budget = Math.min(request.maxTokens(), contextSize - promptTokens);
        if (budget <= 0) {
            throw new ExecutorException(Kind.INPUT_TOO_LONG, "a prompt of " + promptTokens
                    + " tokens leaves no room in the on-device context of " + contextSize);
        }
        InferenceParameters inference = llama(() -> decoding(prompt, request)).setNPredict(budget);
        LlamaIterator outputs = llama(() -> model.generate(inference).iterator());
        PieceCounter pieces = new PieceCounter(onText);
        drain(outputs, pieces::accept);
        String text = pieces.text();
        Double confidence = request.withConfidence() ? confidence(prompt, text) : null;
        return new Generation(text, promptTokens, pieces.tokens(), confidence,
                pieces.endedByModel() ? "stop" : "length");
    }

    /** Hands every output to {@code onOutput}, in order. */
    private static void drain(LlamaIterator outputs, Consumer<LlamaOutput> onOutput) throws ExecutorException {
        boolean finished = false;
        try {
            while (llama(outputs::hasNext)) {
                onOutput.accept(llama(outputs::next));
            }
            finished = true;
        } finally {
            if (!finished) {
                outputs.cancel(); // frees the slot when the consumer or llama.cpp failed mid-answer
            }
        }
    }

    /** Called with the model's permit held. A confidence is optional: its failure must not fail the answer. */
    private Double confidence(String prompt, String answer) {
        try {
            return serial.scorer().score(prompt, answer).confidence();
        } catch (RuntimeException e) {
            // the messages name counts and llama.cpp functions, never prompt or answer text
            LOG.log(Level.WARNING, "no confidence for an on-device answer: {0}", describe(e));
            return null;
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }

    /**
     * Which of {@code choices} the model answers to a system and a user message: greedy decoding under a grammar that
     * admits only those strings, so the answer is always one of them (the intent question of the derived task type).
     */
    public String choose(String system, String user, List<String> choices) throws ExecutorException {
        List<Message> messages = List.of(new Message("system", system), new Message("user", user));
        String grammar = "root ::= " + String.join(" | ", choices.stream().map(c -> '"' + c + '"').toList());
        int longest = choices.stream().mapToInt(String::length).max().orElse(1);
        LlamaModel model = acquire();
        try {
            String prompt = prompt(model, messages);
            InferenceParameters inference = greedy(prompt).setGrammar(grammar).setNPredict(longest);
            StringBuilder answer = new StringBuilder();
            drain(llama(() -> model.generate(inference).iterator()), output -> answer.append(output.text));
            return answer.toString().strip();
        } finally {
            serial.release();
        }
    }

    /** The scores behind {@link Generation#confidence()}, for tests; holds the model's permit while scoring. */
    TokenScorer.Scores score(String prompt, String answer) throws ExecutorException {
        acquire();
        try {
            return serial.scorer().score(prompt, answer);
        } finally {
            serial.release();
        }
    }

    /** The chat-templated prompt the model is given for {@code messages}, for tests. */
    String templatedPrompt(List<Message> messages) throws ExecutorException {
        LlamaModel model = acquire();
        try {
            return prompt(model, messages);
        } finally {
            serial.release();
        }
    }

    private static String prompt(LlamaModel model, List<Message> messages) throws ExecutorException {
        InferenceParameters chat = chat(messages);
        return llama(() -> model.applyTemplate(chat));
    }

    /** A llama.cpp call; its failures (an unchecked exception type the binding keeps private) become ours. */
    private static <T> T llama(Supplier<T> call) throws ExecutorException {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new ExecutorException(Kind.BAD_RESPONSE, "the on-device model failed", e);
        }
    }

    static InferenceParameters chat(List<Message> messages) {
        List<String> system = new ArrayList<>();
        List<Pair<String, String>> turns = new ArrayList<>();
        for (Message message : messages) {
            switch (message.role()) {
                case "system" -> system.add(message.content());
                case "user", "assistant" -> turns.add(new Pair<>(message.role(), message.content()));
                // A tool's output is text the model is given, like the user's.
                case "tool" -> turns.add(new Pair<>("user", message.content()));
                default -> throw new IllegalArgumentException("unknown message role: " + message.role());
            }
        }
        return new InferenceParameters("").setMessages(system.isEmpty() ? null : String.join("\n\n", system), turns);
    }

    /** Closes the model once a running generation ends; waiting and later calls are refused (OVERLOADED). */
    @Override
    public void close() {
        if (loadStarted.compareAndSet(false, true)) {
            model.cancel(false); // never loaded: nothing to wait for
        }
        serial.close();
    }

    /**
     * Collects llama.cpp's streamed outputs: one per sampled token, then a last one that closes the stream. The
     * end-of-generation token has no text, so an empty piece just before the close means the model stopped by
     * itself; otherwise the token budget ran out.
     */
    private static final class PieceCounter {
        private final Consumer<String> onText;
        private final StringBuilder text = new StringBuilder();
        private int outputs;
        private boolean previousEmpty;
        private boolean lastEmpty;

        PieceCounter(Consumer<String> onText) {
            this.onText = onText;
        }

        void accept(LlamaOutput output) {
            outputs++;
            previousEmpty = lastEmpty;
            lastEmpty = output.text.isEmpty();
            if (!lastEmpty) {
                text.append(output.text);
                onText.accept(output.text);
            }
        }

        String text() {
            return text.toString();
        }

        int tokens() {
            return Math.max(0, outputs - 1);
        }

        boolean endedByModel() {
            return outputs >= 2 && previousEmpty;
        }
    }
}
