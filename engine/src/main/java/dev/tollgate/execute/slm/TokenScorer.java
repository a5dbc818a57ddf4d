package dev.tollgate.execute.slm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The log-probability the on-device model gives each token of an answer, by teacher forcing: the templated
 * prompt and the answer are evaluated in one batch, and the logits at each position are the model's
 * distribution over the token that follows. The binding exposes no logits (docs/slm.md), so this loads a
 * llama.cpp model and context of its own from the same GGUF, through {@link LlamaC}.
 *
 * <p>Not thread-safe: callers hold {@link SerialModel}'s permit, so scoring never computes beside a generation.
 * The native memory lives until {@link #close()}.
 */
final class TokenScorer implements AutoCloseable {
    // llama_context_default_params() of the bundled build; other values mean the leading fields moved
    private static final int DEFAULT_N_CTX = 512;
    private static final int DEFAULT_N_BATCH = 2048;
    private static final int DEFAULT_N_UBATCH = 512;
    private static final int DEFAULT_N_SEQ_MAX = 1;
    private static final int MAX_PLAUSIBLE_THREADS = 4096;

    private final Arena arena;
    private final MemorySegment model;
    private final MemorySegment context;
    private final MemorySegment vocab;
    private final int vocabSize;
    private final int capacity;
    private final MemorySegment batch;
    private final MemorySegment tokens;
    private final MemorySegment wantLogits;

    private TokenScorer(Arena arena, MemorySegment model, MemorySegment context, int capacity) {
        this.arena = arena;
        this.model = model;
        this.context = context;
        this.vocab = LlamaC.modelGetVocab(model);
        this.vocabSize = LlamaC.vocabNTokens(vocab);
        this.capacity = capacity;
        this.tokens = arena.allocate(JAVA_INT, capacity);
        this.wantLogits = arena.allocate(JAVA_BYTE, capacity);
        this.batch = oneSequenceBatch();
    }

    /**
     * Loads the model and a context of {@code contextSize} tokens computing with {@code threads} threads.
     *
     * @throws IllegalStateException when llama.cpp's defaults do not match the expected struct layout, or
     *                               llama.cpp cannot load the model
     */
    static TokenScorer load(Path gguf, int contextSize, int threads) {
        LlamaC.backendInit();
        Arena arena = Arena.ofShared();
        try {
            MemorySegment contextParams = LlamaC.contextDefaultParams(arena);
            checkDefaults(contextParams);
            MemorySegment model = LlamaC.modelLoadFromFile(arena.allocateFrom(gguf.toString()),
                    LlamaC.modelDefaultParams(arena));
            if (model.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("llama.cpp could not load the model for scoring");
            }
            contextParams.set(JAVA_INT, LlamaC.N_CTX, contextSize);
            // prompt and answer go in one batch, so a batch takes the whole context
            contextParams.set(JAVA_INT, LlamaC.N_BATCH, contextSize);
            contextParams.set(JAVA_INT, LlamaC.N_UBATCH, Math.min(DEFAULT_N_UBATCH, contextSize));
            contextParams.set(JAVA_INT, LlamaC.N_THREADS, threads);
            contextParams.set(JAVA_INT, LlamaC.N_THREADS_BATCH, threads);
            MemorySegment context = MemorySegment.NULL;
            try {
                context = LlamaC.initFromModel(model, contextParams);
                checkApplied(context, contextSize, threads);
                return new TokenScorer(arena, model, context, contextSize);
            } catch (RuntimeException e) {
                if (!context.equals(MemorySegment.NULL)) {
                    LlamaC.free(context);
                }
                LlamaC.modelFree(model);
                throw e;
            }
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** @throws IllegalStateException naming the values read when they are not the bundled build's defaults */
    static void checkDefaults(MemorySegment params) {
        int nCtx = params.get(JAVA_INT, LlamaC.N_CTX);
        int nBatch = params.get(JAVA_INT, LlamaC.N_BATCH);
        int nUbatch = params.get(JAVA_INT, LlamaC.N_UBATCH);
        int nSeqMax = params.get(JAVA_INT, LlamaC.N_SEQ_MAX);
        int nThreads = params.get(JAVA_INT, LlamaC.N_THREADS);
        int nThreadsBatch = params.get(JAVA_INT, LlamaC.N_THREADS_BATCH);
        if (nCtx != DEFAULT_N_CTX || nBatch != DEFAULT_N_BATCH || nUbatch != DEFAULT_N_UBATCH
                || nSeqMax != DEFAULT_N_SEQ_MAX || nThreads < 1 || nThreads > MAX_PLAUSIBLE_THREADS
                || nThreadsBatch != nThreads) {
            throw new IllegalStateException("llama_context_default_params does not start with the expected "
                    + "fields: read n_ctx=" + nCtx + " n_batch=" + nBatch + " n_ubatch=" + nUbatch + " n_seq_max="
                    + nSeqMax + " n_threads=" + nThreads + " n_threads_batch=" + nThreadsBatch + ", expected "
                    + DEFAULT_N_CTX + ", " + DEFAULT_N_BATCH + ", " + DEFAULT_N_UBATCH + ", " + DEFAULT_N_SEQ_MAX
                    + " and two equal thread counts");
        }
    }

    /** llama.cpp rounds n_ctx and n_batch up to its padding, so they may come back larger than asked. */
    private static void checkApplied(MemorySegment context, int contextSize, int threads) {
        if (context.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("llama.cpp could not create a context for scoring");
        }
        LlamaC.ContextSettings took = LlamaC.settings(context);
        if (took.nCtx() < contextSize || took.nBatch() < contextSize || took.nThreads() != threads
                || took.nThreadsBatch() != threads) {
            throw new IllegalStateException("the scoring context did not take its parameters: " + took
                    + ", asked " + contextSize + ", " + contextSize + ", " + threads + ", " + threads);
        }
    }

    /** Positions 0..capacity-1, every token in sequence 0; tokens and logit flags are written per scoring. */
    private MemorySegment oneSequenceBatch() {
        MemorySegment positions = arena.allocate(JAVA_INT, capacity);
        MemorySegment sequenceCounts = arena.allocate(JAVA_INT, capacity);
        MemorySegment sequenceZero = arena.allocate(JAVA_INT);
        MemorySegment sequenceIds = arena.allocate(ADDRESS, capacity);
        for (int i = 0; i < capacity; i++) {
            positions.setAtIndex(JAVA_INT, i, i);
            sequenceCounts.setAtIndex(JAVA_INT, i, 1);
            sequenceIds.setAtIndex(ADDRESS, i, sequenceZero);
        }
        MemorySegment segment = arena.allocate(LlamaC.BATCH);
        segment.set(ADDRESS, offset("token"), tokens);
        segment.set(ADDRESS, offset("embd"), MemorySegment.NULL);
        segment.set(ADDRESS, offset("pos"), positions);
        segment.set(ADDRESS, offset("n_seq_id"), sequenceCounts);
        segment.set(ADDRESS, offset("seq_id"), sequenceIds);
        segment.set(ADDRESS, offset("logits"), wantLogits);
        return segment;
    }

    /**
     * Scores {@code answer} as the continuation of {@code prompt} (the chat-templated prompt the model was given).
     * The prompt is tokenized as llama.cpp's server tokenizes it (special tokens added and parsed), the answer as
     * plain text.
     *
     * @throws IllegalStateException when prompt and answer do not fit in the context or llama.cpp fails
     */
    Scores score(String prompt, String answer) {
        try (Arena call = Arena.ofConfined()) {
            int promptCount = tokenize(call, prompt, 0, true, true);
            if (promptCount == 0) {
                throw new IllegalStateException("the prompt has no tokens to score the answer after");
            }
            int answerCount = tokenize(call, answer, promptCount, false, false);
            if (answerCount == 0) {
                return new Scores(new int[0], new double[0], new int[0], new double[0]);
            }
            int total = promptCount + answerCount;
            // the logits at position i predict token i + 1: ask them from the prompt's last token on
            wantLogits.asSlice(0, total).fill((byte) 0);
            wantLogits.asSlice(promptCount - 1, answerCount).fill((byte) 1);
            batch.set(JAVA_INT, offset("n_tokens"), total);
            // the previous scoring's tokens would otherwise stay visible to this one's attention
            LlamaC.kvSelfClear(context);
            int status = LlamaC.decode(context, batch);
            if (status != 0) {
                throw new IllegalStateException("llama_decode returned " + status);
            }
            return scores(promptCount, answerCount);
        }
    }

    private Scores scores(int promptCount, int answerCount) {
        int[] answerTokens = new int[answerCount];
        double[] logProbs = new double[answerCount];
        int[] argmax = new int[answerCount];
        double[] argmaxLogProbs = new double[answerCount];
        for (int i = 0; i < answerCount; i++) {
            MemorySegment logits = LlamaC.logitsIth(context, promptCount - 1 + i);
            if (logits.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("llama.cpp has no logits for answer token " + i);
            }
            logits = logits.reinterpret(JAVA_FLOAT.byteSize() * vocabSize);
            int best = 0;
            float max = Float.NEGATIVE_INFINITY;
            for (int v = 0; v < vocabSize; v++) {
                float logit = logits.getAtIndex(JAVA_FLOAT, v);
                if (logit > max) {
                    max = logit;
                    best = v;
                }
            }
            double sum = 0;
            for (int v = 0; v < vocabSize; v++) {
                sum += Math.exp(logits.getAtIndex(JAVA_FLOAT, v) - max);
            }
            double logSum = Math.log(sum);
            answerTokens[i] = tokens.getAtIndex(JAVA_INT, promptCount + i);
            logProbs[i] = logits.getAtIndex(JAVA_FLOAT, answerTokens[i]) - max - logSum;
            argmax[i] = best;
            argmaxLogProbs[i] = -logSum;
        }
        return new Scores(answerTokens, logProbs, argmax, argmaxLogProbs);
    }

    /** Tokenizes {@code text} into the batch from {@code at} on; @return the number of tokens. */
    private int tokenize(Arena call, String text, int at, boolean addSpecial, boolean parseSpecial) {
        MemorySegment utf8 = call.allocateFrom(text);
        int count = LlamaC.tokenize(vocab, utf8, Math.toIntExact(utf8.byteSize() - 1),
                tokens.asSlice(JAVA_INT.byteSize() * at), capacity - at, addSpecial, parseSpecial);
        if (count < 0) {
            throw new IllegalStateException("prompt and answer need more than the " + capacity
                    + " tokens of the scoring context");
        }
        return count;
    }

    private static long offset(String field) {
        return LlamaC.BATCH.byteOffset(PathElement.groupElement(field));
    }

    @Override
    public void close() {
        try {
            LlamaC.free(context);
            LlamaC.modelFree(model);
        } finally {
            arena.close();
        }
    }

    /**
     * One scored answer: its tokens, the log-probability of each given the prompt and the tokens before it, and
     * the token the model rated highest at each position with its log-probability.
     */
    record Scores(int[] tokens, double[] logProbs, int[] argmax, double[] argmaxLogProbs) {
        /** @return exp(mean log p) over the answer's tokens, in [0, 1]; null for an answer without tokens */
        Double confidence() {
            if (logProbs.length == 0) {
                return null;
            }
            double sum = 0;
            for (double logProb : logProbs) {
                sum += logProb;
            }
            return Math.exp(sum / logProbs.length);
        }
    }
}
