package dev.tollgate.execute.slm;

import de.kherud.llama.LlamaModel;
import dev.tollgate.execute.ExecutorException;
import dev.tollgate.execute.ExecutorException.Kind;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One loaded model behind a bounded queue. Generations run one at a time in the whole process, whatever the
 * number of executors: two llama.cpp instances, or two slots of one instance, computing at the same time were
 * measured to give different answers to the same request (docs/slm.md), so every executor shares one permit.
 * At most {@code 1 + queueCapacity} callers of one executor are admitted, the rest are refused at once; an
 * admitted caller that does not get the permit within the timeout is refused too. Closing waits for a running
 * generation to end, because llama.cpp must not be freed under it.
 *
 * <p>The model may still be loading (a start does not wait for it): the caller whose turn it is waits for the load
 * to end, and when the load failed every caller is refused (UNREACHABLE).
 *
 * <p>The {@link TokenScorer} is loaded by the first caller that needs it (it holds a second copy of the model's
 * context, which callers that never ask for a confidence should not pay for), and computes under the same permit.
 */
final class SerialModel implements AutoCloseable {
    private static final Semaphore COMPUTE = new Semaphore(1, true);

    private final CompletableFuture<LlamaModel> model;
    private final Supplier<TokenScorer> scorerLoader;
    private final Semaphore admission;
    private final int admissions;
    private final Duration timeout;
    private volatile boolean closed;
    private TokenScorer scorer; // guarded by COMPUTE
    private Throwable scorerFailure; // guarded by COMPUTE; a scorer that failed to load is not tried again

    SerialModel(CompletableFuture<LlamaModel> model, Supplier<TokenScorer> scorerLoader, int queueCapacity, Duration timeout) {
        this.model = model;
        this.scorerLoader = scorerLoader;
        this.admissions = 1 + queueCapacity;
        this.admission = new Semaphore(admissions);
        this.timeout = timeout;
    }

    /** Callers admitted and not yet released: the one computing and those waiting for their turn. */
    int admitted() {
        return admissions - admission.availablePermits();
    }

    /** @throws IllegalStateException when the load failed */
    void awaitLoaded() {
        try {
            model.join();
        } catch (CompletionException | CancellationException e) {
            throw new IllegalStateException("the on-device model could not be loaded", e.getCause());
        }
    }

    /** Waits for this caller's turn; {@link #release()} must follow. */
    LlamaModel acquire() throws ExecutorException {
        if (closed) {
            throw closedException();
        }
        if (!admission.tryAcquire()) {
            throw new ExecutorException(Kind.OVERLOADED, "on-device model queue is full");
        }
        boolean turn;
        try {
            turn = COMPUTE.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            admission.release();
            Thread.currentThread().interrupt();
            throw new ExecutorException(Kind.OVERLOADED, "interrupted while waiting for the on-device model", e);
        }
        if (!turn) {
            admission.release();
            throw new ExecutorException(Kind.OVERLOADED, "on-device model not free within " + timeout);
        }
        if (closed) {
            release();
            throw closedException();
        }
        try {
            return model.join();
        } catch (CompletionException | CancellationException e) {
            release();
            throw new ExecutorException(Kind.UNREACHABLE, "the on-device model could not be loaded", e.getCause());
        }
    }

    /**
     * The token scorer, loaded on the first call. Only between {@link #acquire()} and {@link #release()}.
     *
     * @throws IllegalStateException when it cannot be loaded (now or at an earlier call)
     */
    TokenScorer scorer() {
        if (scorer == null && scorerFailure == null) {
            try {
                scorer = scorerLoader.get();
            } catch (RuntimeException | LinkageError e) {
                scorerFailure = e; // LinkageError: LlamaC's initializer did not find a function it binds
            }
        }
        if (scorerFailure != null) {
            throw new IllegalStateException("the token scorer could not be loaded", scorerFailure);
        }
        return scorer;
    }

    void release() {
        COMPUTE.release();
        admission.release();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        COMPUTE.acquireUninterruptibly();
        try {
            LlamaModel loaded = model.exceptionally(failed -> null).join();
            if (loaded != null) {
                loaded.close();
            }
        } finally {
            try {
                if (scorer != null) {
                    scorer.close();
                }
            } finally {
                COMPUTE.release();
            }
        }
    }

    private static ExecutorException closedException() {
        return new ExecutorException(Kind.OVERLOADED, "on-device model is closed");
    }
}
