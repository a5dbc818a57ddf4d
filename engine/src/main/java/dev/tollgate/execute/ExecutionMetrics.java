package dev.tollgate.execute;

import dev.tollgate.terms.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;

/**
 * Prometheus metrics of executions. The share answered on-device is
 * {@code sum(tollgate_executions_total{kind="slm"}) / sum(tollgate_executions_total)}; the escalation rate is
 * {@code sum(tollgate_executions_total{escalated="true"}) / sum(tollgate_executions_total{strategy=~"cascade|draft_verify"})}.
 */
final class ExecutionMetrics {
    private final MeterRegistry registry;
    private final Timer overhead;

    ExecutionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.overhead = Timer.builder("tollgate.execute.overhead")
                .description("Time an execution spends outside the models: token check, masking, restoring, logging")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(registry);
    }

    void executed(Execution execution, String kind, Answer answer, Map<String, Integer> masked, long nanos) {
        Timer.builder("tollgate.execute.latency")
                .description("Time to answer an execution, models included, by route")
                .tag("destination", execution.destination())
                .tag("strategy", execution.strategy().wire())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(Duration.ofNanos(nanos));
        overhead.record(Duration.ofNanos(Math.max(0, nanos - answer.modelNanos())));
        Counter.builder("tollgate.executions")
                .description("Completed executions by where the answer came from")
                .tag("destination", execution.destination())
                .tag("kind", kind)
                .tag("strategy", execution.strategy().wire())
                .tag("escalated", Boolean.toString(execution.escalated()))
                .register(registry).increment();
        if (answer.cloudLegRan()) {
            Counter.builder("tollgate.cloud.tokens.sent")
                    .description("Prompt tokens sent to cloud destinations (as they reported them)")
                    .register(registry).increment(answer.cloudTokensSent());
        }
        masked.forEach((type, count) -> Counter.builder("tollgate.masked.entities")
                .description("Entities masked in what was sent to a model, by type")
                .tag("type", type)
                .register(registry).increment(count));
    }

    void failed(Refusal.Kind problem) {
        Counter.builder("tollgate.execution.failures")
                .description("Executions that gave no answer, by problem")
                .tag("problem", problem.wire())
                .register(registry).increment();
    }
}
