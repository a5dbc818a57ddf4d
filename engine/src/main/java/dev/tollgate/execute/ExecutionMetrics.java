package dev.tollgate.execute;

import dev.tollgate.config.Destination;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.Refusal;
import dev.tollgate.terms.Strategy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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

    /**
     * Registers every family at zero for the label values known before an execution: each destination with the
     * strategies its answers can report, each entity type the detectors report.
     */
    ExecutionMetrics(MeterRegistry registry, Collection<Destination> destinations) {
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
        for (Destination destination : destinations) {
            for (Strategy strategy : strategies(destination.kind())) {
                latency(destination.id(), strategy);
                executions(destination.id(), destination.kind().wire(), strategy, false);
                if (twoStage(strategy)) {
                    executions(destination.id(), destination.kind().wire(), strategy, true);
                }
            }
        }
        PiiDetector.SPECIFICITY.forEach(this::masked);
    }

    /** Offline is reported only by an on-device destination (it answered for an unreachable cloud). */
    private static List<Strategy> strategies(DestinationKind kind) {
        return Arrays.stream(Strategy.values()).filter(s -> s != Strategy.OFFLINE || kind == DestinationKind.SLM)
                .toList();
    }

    private static boolean twoStage(Strategy strategy) {
        return strategy == Strategy.CASCADE || strategy == Strategy.DRAFT_VERIFY;
    }

    /** @param routedBy the routing row that chose the route (its task and threshold), from the decision */
    void executed(Execution execution, String kind, Answer answer, Map<String, Integer> masked, long nanos,
                  String routedBy) {
        latency(execution.destination(), execution.strategy()).record(Duration.ofNanos(nanos));
        overhead.record(Duration.ofNanos(Math.max(0, nanos - answer.modelNanos())));
        executions(execution.destination(), kind, execution.strategy(), execution.escalated()).increment();
        if (twoStage(execution.strategy())) {
            TwoStageExecutions.counter(registry, routedBy == null ? "unknown" : routedBy, execution.escalated())
                    .increment();
        }
        if (answer.cloudLegRan()) {
            cloudTokensSent().increment(answer.cloudTokensSent());
        }
        masked.forEach((type, count) -> masked(type).increment(count));
    }

    private Timer latency(String destination, Strategy strategy) {
        return Timer.builder("tollgate.execute.latency")
                .description("Time to answer an execution, models included, by route")
                .tag("destination", destination)
                .tag("strategy", strategy.wire())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    private Counter executions(String destination, String kind, Strategy strategy, boolean escalated) {
        return Counter.builder("tollgate.executions")
                .description("Completed executions by where the answer came from")
                .tag("destination", destination)
                .tag("kind", kind)
                .tag("strategy", strategy.wire())
                .tag("escalated", Boolean.toString(escalated))
                .register(registry);
    }

    private Counter masked(String type) {
        return Counter.builder("tollgate.masked.entities")
                .description("Entities masked in what was sent to a model, by type")
                .tag("type", type)
                .register(registry);
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
