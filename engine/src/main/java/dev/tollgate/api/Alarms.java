package dev.tollgate.api;

import dev.tollgate.audit.DecisionStore;
import dev.tollgate.audit.DecisionLogUnavailableException;
import dev.tollgate.config.Application;
import dev.tollgate.config.Destination;
import dev.tollgate.execute.usage.UsageLedger;
import dev.tollgate.latency.ObservedLatencies;
import dev.tollgate.terms.DestinationKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The alerts of docker/prometheus/alerts.yml that the service can tell from its present state, shown by /health
 * under the same names and on the same conditions: a cloud's p95 above the strictest SLA of the applications that
 * may use it, a monthly budget nearly spent, a validation backlog above its limit, the decision log not
 * appendable. The alerts on rates (escalations, on-device share, validation disagreement) compare a recent window
 * with an older one, which only Prometheus keeps; so does "the backlog keeps growing" (docs/metrics.md).
 * Also registers the gauges those rules compare with.
 */
public final class Alarms {
    /** A budget counts as nearly spent when less than this share of it is left. */
    static final double BUDGET_LEFT_BELOW = 0.1;
    /** Queued validations above which the backlog alarms. */
    static final int VALIDATION_BACKLOG_ABOVE = 100;

    /** An alert that fires now: its rule's name in alerts.yml and what it is about. */
    public record Alert(String name, String about) {
    }

    private final List<Application> applications;
    private final UsageLedger usage;
    private final ObservedLatencies latencies;
    private final IntSupplier validationBacklog;
    /** Cloud destination -> the strictest latency SLA (ms) of the applications permitted to use it. */
    private final Map<String, Integer> slaMs = new LinkedHashMap<>();

    public Alarms(List<Destination> destinations, List<Application> applications, UsageLedger usage,
                  ObservedLatencies latencies, IntSupplier validationBacklog) {
        this.applications = List.copyOf(applications);
        this.usage = usage;
        this.latencies = latencies;
        this.validationBacklog = validationBacklog;
        for (Destination destination : destinations) {
            if (destination.kind() == DestinationKind.CLOUD) {
                applications.stream()
                        .filter(app -> app.latencySlaMs() != null && app.permittedDestinations().contains(destination.id()))
                        .mapToInt(Application::latencySlaMs).min()
                        .ifPresent(sla -> slaMs.put(destination.id(), sla));
            }
        }
    }

    /** The gauges the rules need beside the service's own metrics. */
    public void register(MeterRegistry registry, DecisionStore log) {
        slaMs.forEach((destination, sla) -> Gauge.builder("tollgate.destination.latency.sla", () -> sla / 1000.0)
                .description("The strictest latency SLA of the applications permitted to use the cloud destination")
                .baseUnit("seconds").tag("destination", destination)
                .register(registry));
        Gauge.builder("tollgate.decision.log.appendable", log, l -> l.writable() ? 1 : 0)
                .description("1 while the decision log takes appends, 0 after a failed one until a probe or append succeeds")
                .register(registry);
    }

    /** The alerts that fire now. */
    public List<Alert> firing(boolean logAppendable) {
        List<Alert> firing = new ArrayList<>();
        slaMs.forEach((destination, sla) -> {
            int p95 = latencies.p95Ms(destination);
            if (p95 > sla) {
                firing.add(new Alert("TollgateCloudLatencyAboveSla", "cloud destination " + destination + " answers in "
                        + p95 + " ms at the 95th percentile, above the " + sla + " ms SLA of an application using it"));
            }
        });
        for (Application app : applications) {
            Long budget = app.cloudTokenBudgetMonthly();
            Long left;
            try {
                left = usage.remaining(app);
            } catch (DecisionLogUnavailableException storeDown) {
                continue; // the shared store cannot be read: the decision log's own alert says so
            }
            if (budget != null && left < BUDGET_LEFT_BELOW * budget) {
                firing.add(new Alert("TollgateCloudBudgetNearlySpent", "application " + app.id() + " has "
                        + left + " of its " + budget + " monthly cloud tokens left"));
            }
        }
        int backlog = validationBacklog.getAsInt();
        if (backlog > VALIDATION_BACKLOG_ABOVE) {
            firing.add(new Alert("TollgateValidationBacklogGrowing", backlog + " offline validations are queued"));
        }
        if (!logAppendable) {
            firing.add(new Alert("TollgateDecisionLogUnavailable", "the decision log cannot be appended to"));
        }
        return firing;
    }
}
