package dev.tollgate.latency;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tollgate.Json;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * How long each destination took to answer its recent real calls: the last {@code maxCalls} calls of each, none
 * older than {@code maxAge}. Observations age out, so a destination left alone because it was slow is tried again
 * once its slow calls are forgotten. The window is kept in a small JSON file, rewritten after every call, so a
 * restart remembers it (a file that cannot be written is logged and the window kept in memory).
 */
public final class ObservedLatencies {
    private static final System.Logger LOG = System.getLogger(ObservedLatencies.class.getName());
    /** Percentiles of a destination's window, in milliseconds. */
    public record Summary(long p50Ms, long p95Ms, long p99Ms, int calls) {
    }

    /** One call: when it ended (epoch milliseconds) and how long it took. */
    record Call(long endedAt, long millis) {
    }

    private final Map<String, Deque<Call>> windows = new TreeMap<>();
    private final Path file;
    private final int maxCalls;
    private final Duration maxAge;
    private final Clock clock;

    private ObservedLatencies(Path file, int maxCalls, Duration maxAge, Clock clock) {
        this.file = file;
        this.maxCalls = maxCalls;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The window kept in {@code file} (empty when there is none yet). */
    public static ObservedLatencies open(Path file, int maxCalls, Duration maxAge, Clock clock) throws IOException {
        ObservedLatencies latencies = new ObservedLatencies(file, maxCalls, maxAge, clock);
        if (Files.exists(file)) {
            Map<String, List<Call>> saved = Json.MAPPER.readValue(file.toFile(), new TypeReference<>() {
            });
            saved.forEach((destination, calls) -> latencies.windows.put(destination, new ArrayDeque<>(calls)));
        }
        return latencies;
    }

    /** A call to {@code destination} ended now after {@code took}. */
    public synchronized void observe(String destination, Duration took) {
        Deque<Call> window = windows.computeIfAbsent(destination, d -> new ArrayDeque<>());
        window.addLast(new Call(clock.millis(), took.toMillis()));
        while (window.size() > maxCalls) {
            window.removeFirst();
        }
        save();
    }

    /** The destination's percentiles over its recent calls; empty when none is recent. */
    public synchronized Optional<Summary> summary(String destination) {
        Deque<Call> window = windows.get(destination);
        if (window == null) {
            return Optional.empty();
        }
        long oldest = clock.millis() - maxAge.toMillis();
        window.removeIf(call -> call.endedAt() < oldest);
        if (window.isEmpty()) {
            return Optional.empty();
        }
        long[] sorted = window.stream().mapToLong(Call::millis).sorted().toArray();
        return Optional.of(new Summary(rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99), sorted.length));
    }

    /** The destination's p95 in milliseconds, 0 when nothing recent was observed. */
    public int p95Ms(String destination) {
        return summary(destination).map(s -> (int) Math.min(Integer.MAX_VALUE, s.p95Ms())).orElse(0);
    }

    /** The destination's p99 in milliseconds, 0 when nothing recent was observed. */
    public int p99Ms(String destination) {
        return summary(destination).map(s -> (int) Math.min(Integer.MAX_VALUE, s.p99Ms())).orElse(0);
    }

    /** Gauges {@code tollgate_destination_latency_seconds{destination,quantile}} for these destinations. */
    public void register(MeterRegistry registry, Collection<String> destinations) {
        for (String destination : destinations) {
            gauge(registry, destination, "0.5", Summary::p50Ms);
            gauge(registry, destination, "0.95", Summary::p95Ms);
            gauge(registry, destination, "0.99", Summary::p99Ms);
        }
    }

    private void gauge(MeterRegistry registry, String destination, String quantile,
                       ToLongFunction<Summary> pick) {
        Gauge.builder("tollgate.destination.latency", this,
                        l -> l.summary(destination).map(s -> pick.applyAsLong(s) / 1000.0).orElse(Double.NaN))
                .description("Observed answer time of the destination's recent calls (NaN: none recent)")
                .baseUnit("seconds").tag("destination", destination).tag("quantile", quantile)
                .register(registry);
    }

    /** Nearest rank: the smallest observation with at least {@code q} of them at or below it. */
    private static long rank(long[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private void save() {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Json.MAPPER.writeValue(temporary.toFile(), windows);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The window in memory still routes; only a restart would forget it.
            LOG.log(System.Logger.Level.WARNING, "cannot keep the observed latencies in " + file + ": " + e);
        }
    }
}
