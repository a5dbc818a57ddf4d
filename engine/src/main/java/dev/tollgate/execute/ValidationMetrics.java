package dev.tollgate.execute;

import dev.tollgate.execute.offline.ValidationQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Collection;

/**
 * Prometheus metrics of the offline validations: the queue's backlog, and the verdicts the cloud gave, from which
 * the disagreement rate derives, and the validations set aside as failed (docs/metrics.md). Every cloud destination's
 * series exist at zero from the start, so that an alert on their increase sees the first one.
 */
public final class ValidationMetrics {
    private final MeterRegistry registry;

    public ValidationMetrics(MeterRegistry registry, ValidationQueue queue, Collection<String> cloudDestinations) {
        this.registry = registry;
        Gauge.builder("tollgate.validation.backlog", queue, ValidationQueue::size)
                .description("Offline validations queued and not yet validated by a cloud")
                .register(registry);
        for (String destination : cloudDestinations) {
            verdicts(destination, true);
            verdicts(destination, false);
            failures(destination);
        }
    }

    void validated(String destination, boolean agreed) {
        verdicts(destination, agreed).increment();
    }

    void failed(String destination) {
        failures(destination).increment();
    }

    private Counter failures(String destination) {
        return Counter.builder("tollgate.validations.failed")
                .description("Offline validations set aside after the cloud failed every attempt")
                .tag("destination", destination)
                .register(registry);
    }

    private Counter verdicts(String destination, boolean agreed) {
        return Counter.builder("tollgate.validations")
                .description("Offline validations a cloud completed, by its verdict on the on-device answer")
                .tag("destination", destination).tag("verdict", agreed ? "agreed" : "disagreed")
                .register(registry);
    }
}
