package dev.tollgate.api;

import dev.tollgate.decision.Decision;
import dev.tollgate.execute.TwoStageExecutions;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.Reason;
import dev.tollgate.terms.ClientAbortException;
import dev.tollgate.terms.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Prometheus metrics: decisions by effect, route and rule, latency histograms, problems by status; the JVM's and
 * the process's (Micrometer's binders) and every HTTP request's ({@code http_server_requests_seconds}).
 */
public final class ServiceMetrics implements AutoCloseable {
    /** The route label of a request no route matched (its path is not a label: any caller could make up paths). */
    static final String UNMATCHED_ROUTE = "UNMATCHED";
    private static final System.Logger LOG = System.getLogger(ServiceMetrics.class.getName());
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer decideLatency = Timer.builder("tollgate.decide.latency")
            .description("Time to answer /v1/decide, including the durable log append")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(2))
            .register(registry);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final AtomicInteger activeRequests = new AtomicInteger();

    public ServiceMetrics() {
        Gauge.builder("http.server.requests.active", activeRequests, AtomicInteger::get)
                .description("HTTP requests being served").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /**
     * Registers the decision and problem counters at zero for every label value known before a request: each
     * effect with each destination it can name, each status Tollgate answers a problem with, each abort phase.
     */
    public void registerAtZero(Collection<String> destinations) {
        decisions("deny", "none");
        destinations.forEach(destination -> decisions("allow", destination));
        IntStream.concat(Arrays.stream(HttpProblem.values()).mapToInt(HttpProblem::status),
                        Arrays.stream(Refusal.Kind.values()).mapToInt(RefusalProblems::status))
                .distinct().forEach(this::problems);
        Stream.of("body", "stream").forEach(this::clientAborts); // ClientAbortException's phases
    }

    public void decided(Decision decision, long nanos) {
        decideLatency.record(Duration.ofNanos(nanos));
        String destination = decision.outcome().route() == null ? "none" : decision.outcome().route().destination();
        decisions(decision.outcome().effect().wire(), destination).increment();
        for (Reason reason : decision.outcome().reasons()) {
            ruleHits(reason.rule(), reason.pack(), reason.engine()).increment();
        }
    }

    /**
     * Registers at zero the rule hits of each rule of a version an engine activated, at the start and on each
     * reload, and the two-stage executions of its routing rows.
     */
    public void policyActivated(CompiledPolicy policy) {
        policy.rules().forEach((pack, rules) -> rules.forEach(rule -> ruleHits(rule, pack, policy.engine())));
        TwoStageExecutions.registerAtZero(registry, policy);
    }

    private Counter ruleHits(String rule, String pack, String engine) {
        return Counter.builder("tollgate.rule.hits")
                .description("Rules that contributed to a decision")
                .tag("rule", rule)
                .tag("pack", pack)
                .tag("engine", engine)
                .register(registry);
    }

    private Counter decisions(String effect, String destination) {
        return Counter.builder("tollgate.decisions")
                .description("Decisions by effect and route")
                .tag("effect", effect)
                .tag("destination", destination)
                .register(registry);
    }

    public void problem(int status) {
        problems(status).increment();
    }

    private Counter problems(int status) {
        return Counter.builder("tollgate.http.problems")
                .description("Requests answered with a problem+json error, by status")
                .tag("status", Integer.toString(status))
                .register(registry);
    }

    void httpRequestStarted() {
        activeRequests.incrementAndGet();
    }

    void httpRequestEnded() {
        activeRequests.decrementAndGet();
    }

    /** An answered HTTP request, by method, route template (not path) and status. */
    void httpRequest(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", method)
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    /**
     * A client that went away mid-body or mid-stream: not an error of Tollgate's, so not a problem status; counted
     * apart and logged without a stack trace.
     */
    public void clientAbort(ClientAbortException e, String path) {
        clientAborts(e.phase()).increment();
        LOG.log(System.Logger.Level.DEBUG, "client went away during the " + e.phase() + " on " + path);
    }

    private Counter clientAborts(String phase) {
        return Counter.builder("tollgate.http.client.aborts")
                .description("Requests whose client went away before the exchange ended, by phase (body, stream)")
                .tag("phase", phase)
                .register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    /** Stops listening to the JVM's collections (the only binder that holds listeners). */
    @Override
    public void close() {
        gc.close();
    }
}
