package dev.tollgate.execute;

import java.util.function.Consumer;

/**
 * Something that runs a model for one destination of the catalog: the in-process SLM or an OpenAI-compatible
 * HTTP server. Implementations are thread-safe; they queue or pool concurrent calls rather than fail them.
 */
public interface Executor extends AutoCloseable {

    /** The catalog id of the destination this executor serves. */
    String destination();

    /** Generates the whole answer. */
    Generation generate(GenerationRequest request) throws ExecutorException;

    /**
     * Generates the answer and hands each piece of text to {@code onText} as soon as the model produces it,
     * in order; the pieces concatenated are the returned generation's text.
     */
    Generation stream(GenerationRequest request, Consumer<String> onText) throws ExecutorException;

    @Override
    void close();
}
