package dev.tollgate.server;

import dev.tollgate.policy.PolicyLoadException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The slow, independent parts of a start (compiling each engine's packs, loading the NER, language and
 * sensitivity models) run at the same time, each on its own thread; the service only listens once all of them
 * succeeded. Closing waits for every part, so none is left running when a start fails. Each part logs how long
 * it took and the CPU it used, so that a slow start names its slow part.
 */
final class ParallelStart implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ParallelStart.class.getName());
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("tollgate-start-", 0).factory());

    <T> Future<T> submit(String name, Callable<T> part) {
        return threads.submit(() -> {
            long began = System.nanoTime();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            T result = part.call();
            LOG.log(System.Logger.Level.INFO, () -> String.format("start: %s took %d ms (%d ms of CPU)", name,
                    (System.nanoTime() - began) / 1_000_000,
                    (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000));
            return result;
        });
    }

    /** A part's result, or the exception it failed with, as the sequential start would have thrown it. */
    static <T> T join(Future<T> part) throws IOException, PolicyLoadException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case PolicyLoadException policies -> throw policies;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
