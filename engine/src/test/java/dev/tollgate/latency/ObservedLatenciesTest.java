package dev.tollgate.latency;

import dev.tollgate.latency.ObservedLatencies.Summary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservedLatenciesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private ObservedLatencies at(Instant instant, int maxCalls) throws Exception {
        return ObservedLatencies.open(dir.resolve("latency.json"), maxCalls, MAX_AGE, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void percentilesAreNearestRanksOfTheWindow() throws Exception {
        ObservedLatencies latencies = at(NOW, 100);
        for (int ms = 1; ms <= 20; ms++) {
            latencies.observe("cloud-eu", Duration.ofMillis(ms * 100L));
        }
        assertEquals(Optional.of(new Summary(1000, 1900, 2000, 20)), latencies.summary("cloud-eu"));
        assertEquals(1900, latencies.p95Ms("cloud-eu"));
        assertEquals(2000, latencies.p99Ms("cloud-eu"));
        assertEquals(0, latencies.p95Ms("cloud-us"));
        assertEquals(0, latencies.p99Ms("cloud-us"));
    }

    @Test
    void onlyTheLastCallsCount() throws Exception {
        ObservedLatencies latencies = at(NOW, 3);
        List.of(3000L, 3000L, 3000L, 100L, 120L, 110L).forEach(ms -> latencies.observe("cloud-eu", Duration.ofMillis(ms)));
        assertEquals(120, latencies.p95Ms("cloud-eu"));
    }

    @Test
    void theWindowSurvivesARestartAndAgesOut() throws Exception {
        at(NOW, 20).observe("cloud-eu", Duration.ofMillis(3000));
        assertEquals(3000, at(NOW.plus(MAX_AGE), 20).p95Ms("cloud-eu"));
        assertEquals(0, at(NOW.plus(MAX_AGE).plusSeconds(1), 20).p95Ms("cloud-eu"));
    }

    @Test
    void gaugesShowThePercentilesInSeconds() throws Exception {
        ObservedLatencies latencies = at(NOW, 20);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        latencies.register(registry, List.of("cloud-eu"));
        assertTrue(Double.isNaN(registry.get("tollgate.destination.latency").tag("quantile", "0.95").gauge().value()));
        latencies.observe("cloud-eu", Duration.ofMillis(2500));
        assertEquals(2.5, registry.get("tollgate.destination.latency").tag("destination", "cloud-eu")
                .tag("quantile", "0.95").gauge().value());
    }
}
