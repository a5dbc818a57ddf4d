package dev.tollgate.execute;

import dev.tollgate.policy.CompiledPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/**
 * {@code tollgate_two_stage_executions_total}: completed cascade and draft_verify executions by the routing row that
 * chose them and whether they went on to a cloud.
 */
public final class TwoStageExecutions {
    /** The pack whose rules choose routes; each of its rules is a row that may choose a two-stage route. */
    static final String ROUTING_PACK = "routing";

    private TwoStageExecutions() {
    }

    /** Registers each rule of the policy's routing pack at zero, escalated and not; again for a reloaded version. */
    public static void registerAtZero(MeterRegistry registry, CompiledPolicy policy) {
        for (String rule : policy.rules().getOrDefault(ROUTING_PACK, List.of())) {
            counter(registry, rule, false);
            counter(registry, rule, true);
        }
    }

    static Counter counter(MeterRegistry registry, String routedBy, boolean escalated) {
        return Counter.builder("tollgate.two.stage.executions")
                .description("Completed cascade and draft_verify executions by the routing row that chose them "
                        + "(a task's row, with its threshold) and whether they went on to a cloud")
                .tag("routed_by", routedBy)
                .tag("escalated", Boolean.toString(escalated))
                .register(registry);
    }
}
