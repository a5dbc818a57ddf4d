package dev.tollgate.api;

import dev.tollgate.audit.DecisionLog;
import dev.tollgate.config.Application;
import dev.tollgate.config.Destination;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.execute.usage.UsageLedger;
import dev.tollgate.latency.ObservedLatencies;
import dev.tollgate.terms.DestinationKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.tollgate.testing.ApplicationBuilder.application;
import static dev.tollgate.testing.OutcomeBuilder.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The alerts /health shows, from a real usage ledger, latency window and backlog count. */
class AlarmsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-15T12:00:00Z"), ZoneOffset.UTC);
    private static final List<Destination> CATALOG = List.of(
            new Destination("slm-local", DestinationKind.SLM, "DE", "on-device", true, false, false, false, null, null),
            new Destination("cloud-eu", DestinationKind.CLOUD, "IE", "cloud", true, false, false, false, null, null),
            new Destination("cloud-us", DestinationKind.CLOUD, "US", "cloud", true, false, false, false, null, null));
    private static final Application STRICT = app("strict", List.of("slm-local", "cloud-eu"), null, 1500);
    private static final Application LAX = app("lax", List.of("slm-local", "cloud-eu", "cloud-us"), 1000L, 4000);

    @TempDir
    Path dir;

    private UsageLedger usage;
    private ObservedLatencies latencies;
    private final AtomicInteger backlog = new AtomicInteger();
    private Alarms alarms;

    @BeforeEach
    void start() throws Exception {
        usage = UsageLedger.fromLog(dir.resolve("log"), new DestinationCatalog(CATALOG), List.of(STRICT, LAX), CLOCK,
                new SimpleMeterRegistry());
        latencies = ObservedLatencies.open(dir.resolve("latency.json"), 20, Duration.ofHours(1), CLOCK);
        alarms = new Alarms(CATALOG, List.of(STRICT, LAX), usage, latencies, backlog::get);
    }

    @Test
    void nothingFiresOnAQuietService() {
        assertEquals(List.of(), names(true));
    }

    @Test
    void aCloudSlowerThanTheStrictestSlaOfItsApplicationsFires() {
        latencies.observe("cloud-eu", Duration.ofMillis(1600));
        latencies.observe("cloud-us", Duration.ofMillis(3000));
        latencies.observe("slm-local", Duration.ofMillis(9000));

        assertEquals(List.of("TollgateCloudLatencyAboveSla"), names(true),
                "cloud-eu is held to strict's 1500 ms, cloud-us to lax's 4000 ms, the on-device model to none");
        assertEquals("cloud destination cloud-eu answers in 1600 ms at the 95th percentile, above the 1500 ms SLA of "
                + "an application using it", alarms.firing(true).getFirst().about());
    }

    @Test
    void aBudgetWithLessThanATenthLeftFires() {
        spend(899);
        assertEquals(List.of(), names(true), "101 of 1000 left");
        spend(2);
        assertEquals(List.of("TollgateCloudBudgetNearlySpent"), names(true), "99 of 1000 left");
    }

    @Test
    void aBacklogAboveItsLimitAndAnUnappendableLogFire() {
        backlog.set(Alarms.VALIDATION_BACKLOG_ABOVE);
        assertEquals(List.of(), names(true));
        backlog.incrementAndGet();
        assertEquals(List.of("TollgateValidationBacklogGrowing", "TollgateDecisionLogUnavailable"), names(false));
    }

    @Test
    void theSlaGaugeIsTheStrictestOfTheApplicationsPermittedToUseTheCloud() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DecisionLog log = DecisionLog.open(dir.resolve("decisions"), 1 << 20, CLOCK);
        alarms.register(registry, log);
        assertEquals(1.0, registry.get("tollgate.decision.log.appendable").gauge().value());
        log.close();
        assertEquals(0.0, registry.get("tollgate.decision.log.appendable").gauge().value(), "a closed log takes none");
        assertEquals(1.5, registry.get("tollgate.destination.latency.sla").tag("destination", "cloud-eu").gauge().value());
        assertEquals(4.0, registry.get("tollgate.destination.latency.sla").tag("destination", "cloud-us").gauge().value());
        assertEquals(2, registry.get("tollgate.destination.latency.sla").gauges().size(), "none for the on-device model");
    }

    private List<String> names(boolean logAppendable) {
        return alarms.firing(logAppendable).stream().map(Alarms.Alert::name).toList();
    }

    private void spend(int tokens) {
        usage.add(CLOCK.instant().toString(), completed("d-" + tokens, "lax", "cloud-eu").tokens(tokens, 0)
                .cloudTokensSent(tokens).cloud("cloud-eu", tokens, 0).build());
    }

    private static Application app(String id, List<String> permitted, Long budget, Integer slaMs) {
        return application(id).permitted(permitted).cloudTokenBudgetMonthly(budget).latencySlaMs(slaMs).build();
    }
}
