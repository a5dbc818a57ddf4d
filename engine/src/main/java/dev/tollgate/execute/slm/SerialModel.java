package dev.tollgate.execute.slm;

import de.kherud.llama.LlamaModel;
import dev.tollgate.execute.ExecutorException;
import dev.tollgate.execute.ExecutorException.Kind;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One loaded model behind a bounded queue. Generations run one at a time in the whole process, whatever the
 * number of executors: two llama.cpp instances, or two slots of one instance, computing at the same time were
 * measured to give different answers to the same request (docs/slm.md), so every executor shares one permit.
 * At most {@code 1 + queueCapacity} callers of one executor are admitted, the rest are refused at once; an
 * admitted caller that does not get the permit within the timeout is refused too. Closing waits for a running
 * generation to end, because llama.cpp must not be freed under it.
 */
final class SerialModel implements AutoCloseable {
    private static final Semaphore COMPUTE = new Semaphore(1, true);

    private final LlamaModel model;
    private final Semaphore admission;
    private final Duration timeout;
    private volatile boolean closed;

    SerialModel(LlamaModel model, int queueCapacity, Duration timeout) {
        this.model = model;
        this.admission = new Semaphore(1 + queueCapacity);
        this.timeout = timeout;
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
        return model;
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
            model.close();
        } finally {
            COMPUTE.release();
        }
    }

    private static ExecutorException closedException() {
        return new ExecutorException(Kind.OVERLOADED, "on-device model is closed");
    }
}
