package dev.tollgate.execute.slm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The part of llama.cpp's C API that {@link TokenScorer} calls, through the FFM API. The functions are looked up
 * in the libjllama.so that de.kherud:llama has already loaded with {@code System.load} (it bundles llama.cpp
 * build 4916), so a {@code LlamaModel} must exist before this class is used.
 *
 * <p>{@code llama_model_params} and {@code llama_context_params} are passed and returned by value. Both are
 * larger than 16 bytes, so on x86-64 they travel in memory, and a layout at least as large as the real struct
 * (64 and 120 bytes in that build) works: the model parameters are only taken as defaults and handed back, and
 * of the context parameters only the leading fields are written, after {@link TokenScorer} has checked that the
 * defaults read there look like those fields.
 */
final class LlamaC {
    private static final StructLayout OPAQUE_PARAMS = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(32, JAVA_LONG));

    static final long N_CTX = 0;
    static final long N_BATCH = 4;
    static final long N_UBATCH = 8;
    static final long N_SEQ_MAX = 12;
    static final long N_THREADS = 16;
    static final long N_THREADS_BATCH = 20;

    static final StructLayout BATCH = MemoryLayout.structLayout(
            JAVA_INT.withName("n_tokens"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("token"),
            ADDRESS.withName("embd"),
            ADDRESS.withName("pos"),
            ADDRESS.withName("n_seq_id"),
            ADDRESS.withName("seq_id"),
            ADDRESS.withName("logits"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBRARY = SymbolLookup.loaderLookup();

    private static final MethodHandle BACKEND_INIT = handle("llama_backend_init", FunctionDescriptor.ofVoid());
    private static final MethodHandle MODEL_DEFAULT_PARAMS = handle("llama_model_default_params",
            FunctionDescriptor.of(OPAQUE_PARAMS));
    private static final MethodHandle CONTEXT_DEFAULT_PARAMS = handle("llama_context_default_params",
            FunctionDescriptor.of(OPAQUE_PARAMS));
    private static final MethodHandle MODEL_LOAD = handle("llama_model_load_from_file",
            FunctionDescriptor.of(ADDRESS, ADDRESS, OPAQUE_PARAMS));
    private static final MethodHandle INIT_FROM_MODEL = handle("llama_init_from_model",
            FunctionDescriptor.of(ADDRESS, ADDRESS, OPAQUE_PARAMS));
    private static final MethodHandle N_CTX_OF = intOfPointer("llama_n_ctx");
    private static final MethodHandle N_BATCH_OF = intOfPointer("llama_n_batch");
    private static final MethodHandle N_THREADS_OF = intOfPointer("llama_n_threads");
    private static final MethodHandle N_THREADS_BATCH_OF = intOfPointer("llama_n_threads_batch");
    private static final MethodHandle MODEL_GET_VOCAB = handle("llama_model_get_vocab",
            FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle VOCAB_N_TOKENS = intOfPointer("llama_vocab_n_tokens");
    private static final MethodHandle TOKENIZE = handle("llama_tokenize", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_BOOLEAN, JAVA_BOOLEAN));
    private static final MethodHandle KV_SELF_CLEAR = handle("llama_kv_self_clear",
            FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle DECODE = handle("llama_decode",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, BATCH));
    private static final MethodHandle GET_LOGITS_ITH = handle("llama_get_logits_ith",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle FREE = handle("llama_free", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle MODEL_FREE = handle("llama_model_free", FunctionDescriptor.ofVoid(ADDRESS));

    private LlamaC() {
    }

    static void backendInit() {
        run("llama_backend_init", () -> {
            BACKEND_INIT.invokeExact();
        });
    }

    static MemorySegment modelDefaultParams(SegmentAllocator into) {
        return call("llama_model_default_params", () -> (MemorySegment) MODEL_DEFAULT_PARAMS.invokeExact(into));
    }

    static MemorySegment contextDefaultParams(SegmentAllocator into) {
        return call("llama_context_default_params", () -> (MemorySegment) CONTEXT_DEFAULT_PARAMS.invokeExact(into));
    }

    static MemorySegment modelLoadFromFile(MemorySegment path, MemorySegment params) {
        return call("llama_model_load_from_file", () -> (MemorySegment) MODEL_LOAD.invokeExact(path, params));
    }

    static MemorySegment initFromModel(MemorySegment model, MemorySegment params) {
        return call("llama_init_from_model", () -> (MemorySegment) INIT_FROM_MODEL.invokeExact(model, params));
    }

    /** The sizes and thread counts a context took (llama_n_ctx, llama_n_batch, llama_n_threads, ..._batch). */
    record ContextSettings(int nCtx, int nBatch, int nThreads, int nThreadsBatch) {
    }

    static ContextSettings settings(MemorySegment context) {
        return call("llama_n_ctx/n_batch/n_threads/n_threads_batch", () -> new ContextSettings(
                (int) N_CTX_OF.invokeExact(context), (int) N_BATCH_OF.invokeExact(context),
                (int) N_THREADS_OF.invokeExact(context), (int) N_THREADS_BATCH_OF.invokeExact(context)));
    }

    static MemorySegment modelGetVocab(MemorySegment model) {
        return call("llama_model_get_vocab", () -> (MemorySegment) MODEL_GET_VOCAB.invokeExact(model));
    }

    static int vocabNTokens(MemorySegment vocab) {
        return call("llama_vocab_n_tokens", () -> (int) VOCAB_N_TOKENS.invokeExact(vocab));
    }

    /** @return the number of tokens written, or minus the number needed when {@code capacity} is too small */
    static int tokenize(MemorySegment vocab, MemorySegment text, int textBytes, MemorySegment tokens, int capacity,
                        boolean addSpecial, boolean parseSpecial) {
        return call("llama_tokenize", () -> (int) TOKENIZE.invokeExact(vocab, text, textBytes, tokens, capacity,
                addSpecial, parseSpecial));
    }

    static void kvSelfClear(MemorySegment context) {
        run("llama_kv_self_clear", () -> {
            KV_SELF_CLEAR.invokeExact(context);
        });
    }

    static int decode(MemorySegment context, MemorySegment batch) {
        return call("llama_decode", () -> (int) DECODE.invokeExact(context, batch));
    }

    /** @return the logits for the i-th token of the last batch, NULL when that token's logits were not asked */
    static MemorySegment logitsIth(MemorySegment context, int i) {
        return call("llama_get_logits_ith", () -> (MemorySegment) GET_LOGITS_ITH.invokeExact(context, i));
    }

    static void free(MemorySegment context) {
        run("llama_free", () -> {
            FREE.invokeExact(context);
        });
    }

    static void modelFree(MemorySegment model) {
        run("llama_model_free", () -> {
            MODEL_FREE.invokeExact(model);
        });
    }

    /**
     * A downcall. {@code invokeExact} takes its return type from the cast around it, or void as a statement: an
     * expression lambda's {@code h.invokeExact()} would be typed Object and fail on a void handle.
     */
    private interface Downcall<T> {
        T call() throws Throwable;
    }

    private interface VoidDowncall {
        void call() throws Throwable;
    }

    private static <T> T call(String name, Downcall<T> call) {
        try {
            return call.call();
        } catch (Throwable e) {
            throw failed(name, e);
        }
    }

    private static void run(String name, VoidDowncall call) {
        try {
            call.call();
        } catch (Throwable e) {
            throw failed(name, e);
        }
    }

    private static MethodHandle intOfPointer(String name) {
        return handle(name, FunctionDescriptor.of(JAVA_INT, ADDRESS));
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LIBRARY.find(name).orElseThrow(() -> new IllegalStateException(
                "llama.cpp's " + name + " is not in the loaded libjllama.so"));
        return LINKER.downcallHandle(symbol, descriptor);
    }

    private static IllegalStateException failed(String name, Throwable cause) {
        return new IllegalStateException(name + " failed", cause);
    }
}
