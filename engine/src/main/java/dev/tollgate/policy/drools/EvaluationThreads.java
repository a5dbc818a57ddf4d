package dev.tollgate.policy.drools;

import dev.tollgate.policy.EngineException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The platform threads Drools compiles and evaluates on when a virtual thread asks (every HTTP request runs on one:
 * a decision's evaluation, a what-if's compilation of its candidate). Drools loads classes under its class loader's
 * lock while it compiles a pack and when it compiles each MVEL constraint at its first evaluation;
 * class loading started by the VM pins a virtual thread to its carrier, so virtual threads blocked on that lock
 * could occupy every carrier while the virtual thread holding it waited for one: the service hung
 * (docs/benchmarks.md, issue 14). A platform thread holding the lock always runs on; the asking virtual thread
 * unmounts while it waits. Platform callers (start, reload, replay's workers, CLI, tests) work on their own thread.
 * Idle threads end, so an engine nobody closes (replay's) keeps none. Despite the name, the pool serves both
 * roles: compiling packs as well as evaluating them.
 */
final class EvaluationThreads implements AutoCloseable {
    private static final long IDLE_SECONDS = 30;

    private final ThreadPoolExecutor pool;

    /** Drools work that may throw one kind of checked exception. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    EvaluationThreads(int size) {
        pool = new ThreadPoolExecutor(size, size, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name("drools-evaluation-", 0).factory());
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * The work's result, or what it threw; a closed engine or an interrupted wait is an engine error.
     *
     * @param what "evaluation", "compilation": named in those errors
     */
    @SuppressWarnings("unchecked")
    <T, E extends Exception> T run(String what, Work<T, E> work) throws E {
        if (!Thread.currentThread().isVirtual()) {
            return work.run();
        }
        Future<T> result;
        try {
            result = pool.submit(work::run);
        } catch (RejectedExecutionException e) {
            throw new EngineException("drools " + what + " rejected: the engine is closed", e);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new EngineException("drools " + what + " interrupted", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException failure -> throw failure;
                case Error error -> throw error;
                // The work throws no other checked exception than E.
                default -> throw (E) e.getCause();
            }
        }
    }

    /** Work already asked for finishes; later work is rejected. */
    @Override
    public void close() {
        pool.close();
    }
}
