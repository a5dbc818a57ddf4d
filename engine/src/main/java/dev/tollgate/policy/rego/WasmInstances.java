package dev.tollgate.policy.rego;

import dev.tollgate.policy.EngineException;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A pool of Wasm policy instances, made on demand up to a limit. An instance keeps its data document
 * loaded between evaluations (opa-java-wasm's own OpaPolicyPool frees the data on every release, which
 * would mean parsing it again for each decision). An instance whose evaluation threw is dropped.
 */
final class WasmInstances {
    private final Supplier<RegoInstance> factory;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<RegoInstance> idle = new ConcurrentLinkedDeque<>();

    WasmInstances(Supplier<RegoInstance> factory, int size, RegoInstance first) {
        this.factory = factory;
        this.permits = new Semaphore(size);
        idle.add(first);
    }

    <T> T withInstance(Function<RegoInstance, T> work) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for a Rego Wasm instance", e);
        }
        try {
            RegoInstance instance = idle.pollFirst();
            if (instance == null) {
                instance = factory.get();
            }
            T result = work.apply(instance);
            idle.offerFirst(instance);
            return result;
        } finally {
            permits.release();
        }
    }
}
