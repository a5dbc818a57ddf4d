package dev.tollgate.execute;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The executor of each destination that has one, and a circuit breaker for each cloud destination (the on-device
 * model is in-process: there is nothing to be unreachable).
 */
public final class ExecutorRegistry implements AutoCloseable {
    private final Map<String, Executor> executors;
    private final Map<String, CircuitBreaker> breakers;

    public ExecutorRegistry(List<Executor> executors, Map<String, CircuitBreaker> breakers) {
        this.executors = executors.stream().collect(Collectors.toUnmodifiableMap(Executor::destination, e -> e));
        this.breakers = Map.copyOf(breakers);
    }

    public Optional<Executor> executor(String destination) {
        return Optional.ofNullable(executors.get(destination));
    }

    public Collection<Executor> executors() {
        return executors.values();
    }

    /** The breaker of a cloud destination; empty for destinations that have none. */
    public Optional<CircuitBreaker> breaker(String destination) {
        return Optional.ofNullable(breakers.get(destination));
    }

    /** The destinations that have a breaker: the cloud destinations. */
    public Set<String> cloudDestinations() {
        return breakers.keySet();
    }

    @Override
    public void close() {
        executors.values().forEach(Executor::close);
    }
}
