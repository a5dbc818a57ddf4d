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
        try {
            BACKEND_INIT.invokeExact();
        } catch (Throwable e) {
            throw failed("llama_backend_init", e);
        }
    }

    static MemorySegment modelDefaultParams(SegmentAllocator into) {
        try {
            return (MemorySegment) MODEL_DEFAULT_PARAMS.invokeExact(into);
        } catch (Throwable e) {
            throw failed("llama_model_default_params", e);
        }
    }

    static MemorySegment contextDefaultParams(SegmentAllocator into) {
        try {
            return (MemorySegment) CONTEXT_DEFAULT_PARAMS.invokeExact(into);
        } catch (Throwable e) {
            throw failed("llama_context_default_params", e);
        }
    }

    static MemorySegment modelLoadFromFile(MemorySegment path, MemorySegment params) {
        try {
            return (MemorySegment) MODEL_LOAD.invokeExact(path, params);
        } catch (Throwable e) {
            throw failed("llama_model_load_from_file", e);
        }
    }

    static MemorySegment initFromModel(MemorySegment model, MemorySegment params) {
        try {
            return (MemorySegment) INIT_FROM_MODEL.invokeExact(model, params);
        } catch (Throwable e) {
            throw failed("llama_init_from_model", e);
        }
    }

    static int nCtx(MemorySegment context) {
        return intOf(N_CTX_OF, context, "llama_n_ctx");
    }

    static int nBatch(MemorySegment context) {
        return intOf(N_BATCH_OF, context, "llama_n_batch");
    }

    static int nThreads(MemorySegment context) {
        return intOf(N_THREADS_OF, context, "llama_n_threads");
    }

    static int nThreadsBatch(MemorySegment context) {
        return intOf(N_THREADS_BATCH_OF, context, "llama_n_threads_batch");
    }

    static MemorySegment modelGetVocab(MemorySegment model) {
        try {
            return (MemorySegment) MODEL_GET_VOCAB.invokeExact(model);
        } catch (Throwable e) {
            throw failed("llama_model_get_vocab", e);
        }
    }

    static int vocabNTokens(MemorySegment vocab) {
        return intOf(VOCAB_N_TOKENS, vocab, "llama_vocab_n_tokens");
    }

    /** @return the number of tokens written, or minus the number needed when {@code capacity} is too small */
    static int tokenize(MemorySegment vocab, MemorySegment text, int textBytes, MemorySegment tokens, int capacity,
                        boolean addSpecial, boolean parseSpecial) {
        try {
            return (int) TOKENIZE.invokeExact(vocab, text, textBytes, tokens, capacity, addSpecial, parseSpecial);
        } catch (Throwable e) {
            throw failed("llama_tokenize", e);
        }
    }

    static void kvSelfClear(MemorySegment context) {
        try {
            KV_SELF_CLEAR.invokeExact(context);
        } catch (Throwable e) {
            throw failed("llama_kv_self_clear", e);
        }
    }

    static int decode(MemorySegment context, MemorySegment batch) {
        try {
            return (int) DECODE.invokeExact(context, batch);
        } catch (Throwable e) {
            throw failed("llama_decode", e);
        }
    }

    /** @return the logits for the i-th token of the last batch, NULL when that token's logits were not asked */
    static MemorySegment logitsIth(MemorySegment context, int i) {
        try {
            return (MemorySegment) GET_LOGITS_ITH.invokeExact(context, i);
        } catch (Throwable e) {
            throw failed("llama_get_logits_ith", e);
        }
    }

    static void free(MemorySegment context) {
        try {
            FREE.invokeExact(context);
        } catch (Throwable e) {
            throw failed("llama_free", e);
        }
    }

    static void modelFree(MemorySegment model) {
        try {
            MODEL_FREE.invokeExact(model);
        } catch (Throwable e) {
            throw failed("llama_model_free", e);
        }
    }

    private static int intOf(MethodHandle function, MemorySegment pointer, String name) {
        try {
            return (int) function.invokeExact(pointer);
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
