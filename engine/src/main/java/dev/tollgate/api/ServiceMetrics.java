package dev.tollgate.api;

import dev.tollgate.decision.Decision;
import dev.tollgate.policy.Reason;
import dev.tollgate.terms.ClientAbortException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;

/** Prometheus metrics: decisions by effect, route and rule, latency histograms, problems by status. */
public final class ServiceMetrics {
    private static final System.Logger LOG = System.getLogger(ServiceMetrics.class.getName());
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer decideLatency = Timer.builder("tollgate.decide.latency")
            .description("Time to answer /v1/decide, including the durable log append")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(2))
            .register(registry);

    public void decided(Decision decision, long nanos) {
        decideLatency.record(Duration.ofNanos(nanos));
        String destination = decision.outcome().route() == null ? "none" : decision.outcome().route().destination();
        Counter.builder("tollgate.decisions")
                .description("Decisions by effect and route")
                .tag("effect", decision.outcome().effect().wire())
                .tag("destination", destination)
                .register(registry).increment();
        for (Reason reason : decision.outcome().reasons()) {
            Counter.builder("tollgate.rule.hits")
                    .description("Rules that contributed to a decision")
                    .tag("rule", reason.rule())
                    .tag("pack", reason.pack())
                    .tag("engine", reason.engine())
                    .register(registry).increment();
        }
    }

    public void problem(int status) {
        Counter.builder("tollgate.http.problems")
                .description("Requests answered with a problem+json error, by status")
                .tag("status", Integer.toString(status))
                .register(registry).increment();
    }

    /**
     * A client that went away mid-body or mid-stream: not an error of Tollgate's, so not a problem status; counted
     * apart and logged without a stack trace.
     */
    public void clientAbort(ClientAbortException e, String path) {
        Counter.builder("tollgate.http.client.aborts")
                .description("Requests whose client went away before the exchange ended, by phase (body, stream)")
                .tag("phase", e.phase())
                .register(registry).increment();
        LOG.log(System.Logger.Level.DEBUG, "client went away during the " + e.phase() + " on " + path);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }
}
