package dev.tollgate.execute;

import dev.tollgate.terms.Refusal;
import dev.tollgate.terms.Strategy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;

/**
 * Prometheus metrics of executions. The share answered on-device is
 * {@code sum(tollgate_executions_total{kind="slm"}) / sum(tollgate_executions_total)}; the escalation rate is
 * {@code sum(tollgate_executions_total{escalated="true"}) / sum(tollgate_executions_total{strategy=~"cascade|draft_verify"})},
 * per task row {@code tollgate_two_stage_executions_total} (docs/metrics.md).
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
        cloudTokensSent();
        for (Refusal.Kind problem : Refusal.Kind.values()) {
            failures(problem);
        }
    }

    /** @param routedBy the routing row that chose the route (its task and threshold), from the decision */
    void executed(Execution execution, String kind, Answer answer, Map<String, Integer> masked, long nanos,
                  String routedBy) {
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
        if (execution.strategy() == Strategy.CASCADE || execution.strategy() == Strategy.DRAFT_VERIFY) {
            Counter.builder("tollgate.two.stage.executions")
                    .description("Completed cascade and draft_verify executions by the routing row that chose them "
                            + "(a task's row, with its threshold) and whether they went on to a cloud")
                    .tag("routed_by", routedBy == null ? "unknown" : routedBy)
                    .tag("escalated", Boolean.toString(execution.escalated()))
                    .register(registry).increment();
        }
        if (answer.cloudLegRan()) {
            cloudTokensSent().increment(answer.cloudTokensSent());
        }
        masked.forEach((type, count) -> Counter.builder("tollgate.masked.entities")
                .description("Entities masked in what was sent to a model, by type")
                .tag("type", type)
                .register(registry).increment(count));
    }

    private Counter cloudTokensSent() {
        return Counter.builder("tollgate.cloud.tokens.sent")
                .description("Prompt tokens sent to cloud destinations (as they reported them)")
                .register(registry);
    }

    void failed(Refusal.Kind problem) {
        failures(problem).increment();
    }

    private Counter failures(Refusal.Kind problem) {
        return Counter.builder("tollgate.execution.failures")
                .description("Executions that gave no answer, by problem")
                .tag("problem", problem.wire())
                .register(registry);
    }
}
