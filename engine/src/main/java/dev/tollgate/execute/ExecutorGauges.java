package dev.tollgate.execute;

import dev.tollgate.execute.slm.SlmExecutor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/** Gauges of the executors: each cloud destination's circuit breaker and each on-device model's queue. */
public final class ExecutorGauges {
    private ExecutorGauges() {
    }

    public static void register(MeterRegistry registry, ExecutorRegistry executors) {
        for (String destination : executors.cloudDestinations()) {
            CircuitBreaker breaker = executors.breaker(destination).orElseThrow();
            for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
                Gauge.builder("tollgate.circuit.breaker.state", breaker, b -> b.state() == state ? 1 : 0)
                        .description("1 for the state the destination's circuit breaker is in, 0 for the others")
                        .tag("destination", destination)
                        .tag("state", state.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
        executors.executors().stream().filter(SlmExecutor.class::isInstance).map(SlmExecutor.class::cast)
                .forEach(model -> Gauge.builder("tollgate.slm.queue.depth", model, SlmExecutor::admitted)
                        .description("Requests admitted to the on-device model: the one it computes and those waiting")
                        .tag("destination", model.destination())
                        .register(registry));
    }
}
