package dev.tollgate.policy.drools;

import dev.tollgate.policy.EngineException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The platform threads Drools evaluates on when a virtual thread asks (every HTTP request runs on one).
 * Drools compiles each MVEL constraint at its first evaluation and loads classes under its class loader's lock;
 * class loading started by the VM pins a virtual thread to its carrier, so virtual threads blocked on that lock
 * could occupy every carrier while the virtual thread holding it waited for one: the service hung
 * (docs/benchmarks.md, issue 14). A platform thread holding the lock always runs on; the asking virtual thread
 * unmounts while it waits. Platform callers (start, reload, CLI, tests) evaluate on their own thread.
 * Idle threads end, so an engine nobody closes (replay's) keeps none.
 */
final class EvaluationThreads implements AutoCloseable {
    private static final long IDLE_SECONDS = 30;

    private final ThreadPoolExecutor pool;

    EvaluationThreads(int size) {
        pool = new ThreadPoolExecutor(size, size, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name("drools-evaluation-", 0).factory());
        pool.allowCoreThreadTimeOut(true);
    }

    /** The evaluation's result, or what it threw; a closed engine or an interrupted wait is an engine error. */
    <T> T run(Supplier<T> evaluation) {
        if (!Thread.currentThread().isVirtual()) {
            return evaluation.get();
        }
        Future<T> result;
        try {
            result = pool.submit(evaluation::get);
        } catch (RejectedExecutionException e) {
            throw new EngineException("drools evaluation rejected: the engine is closed", e);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new EngineException("drools evaluation interrupted", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException failure -> throw failure;
                case Error error -> throw error;
                default -> throw new EngineException("drools evaluation failed", e.getCause());
            }
        }
    }

    /** Evaluations already asked for finish; later ones are rejected. */
    @Override
    public void close() {
        pool.close();
    }
}
