package dev.tollgate.console;

import dev.tollgate.api.Alarms;
import dev.tollgate.audit.Checkpoint;
import dev.tollgate.audit.CheckpointStore;
import dev.tollgate.config.Application;
import dev.tollgate.execute.usage.MonthlyUsage;
import dev.tollgate.execute.usage.UsageLedger;
import dev.tollgate.trail.AuditTrail;
import dev.tollgate.trail.ChainStatus;
import dev.tollgate.trail.DecisionFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * The figures of the console's overview: decisions over time by effect and by route, and in all by rule and by
 * application; this month's on-device share, escalation rate, cloud tokens and cost over every application; the
 * alerts that fire; the trail's status (every stream's chain verified, at most a minute ago, and the last signed
 * checkpoint).
 */
public final class Overview {
    private final AuditTrail trail;
    private final UsageLedger usage;
    private final List<Application> applications;
    private final Supplier<List<Alarms.Alert>> alerts;
    private final CheckpointStore checkpoints;
    private final ChainStatus chains;

    public Overview(AuditTrail trail, UsageLedger usage, List<Application> applications,
                    Supplier<List<Alarms.Alert>> alerts, CheckpointStore checkpoints, ChainStatus chains) {
        this.trail = trail;
        this.usage = usage;
        this.applications = List.copyOf(applications);
        this.alerts = alerts;
        this.checkpoints = checkpoints;
        this.chains = chains;
    }

    /**
     * Decisions counted per time bucket (a minute, an hour or a day, whichever gives the span a readable number of
     * points) by a key, and in all by rule and by application.
     *
     * @param times bucket starts, epoch seconds
     */
    record Activity(String bucket, List<Long> times, Map<String, long[]> byEffect, Map<String, long[]> byRoute,
                    Map<String, Long> byRule, Map<String, Long> byApplication, long decisions) {
    }

    /** This month over every application; the shares are null when nothing was executed that they count. */
    record Usage(YearMonth month, long executions, Double onDeviceShare, Double escalationRate, long cloudTokens,
                 double cost) {
    }

    /** @param chains the verify results and when they were computed; lastCheckpoint null when none was signed yet */
    record TrailStatus(ChainStatus.Verified chains, Checkpoint lastCheckpoint, int checkpoints) {
    }

    Activity activity() {
        List<AuditTrail.DecisionSummary> decisions;
        try {
            decisions = trail.summaries(DecisionFilter.ALL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (decisions.isEmpty()) {
            return new Activity("hour", List.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0);
        }
        Instant first = Instant.parse(decisions.getFirst().time());
        Instant last = Instant.parse(decisions.getLast().time());
        Duration span = Duration.between(first, last);
        ChronoUnit unit = span.compareTo(Duration.ofHours(3)) < 0 ? ChronoUnit.MINUTES
                : span.compareTo(Duration.ofDays(3)) < 0 ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        // An empty bucket before the first and after the last, so that a span of one bucket still draws as a line.
        Instant start = first.truncatedTo(unit).minus(1, unit);
        int buckets = (int) unit.between(start, last.truncatedTo(unit)) + 2;
        List<Long> times = LongStream.range(0, buckets)
                .mapToObj(i -> start.plus(i, unit).getEpochSecond()).toList();
        Map<String, long[]> byEffect = new TreeMap<>();
        Map<String, long[]> byRoute = new TreeMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Long> byApplication = new TreeMap<>();
        for (AuditTrail.DecisionSummary decision : decisions) {
            int bucket = (int) unit.between(start, Instant.parse(decision.time()).truncatedTo(unit));
            byEffect.computeIfAbsent(decision.effect(), key -> new long[buckets])[bucket]++;
            byRoute.computeIfAbsent(decision.route(), key -> new long[buckets])[bucket]++;
            decision.rules().forEach(rule -> byRule.merge(rule, 1L, Long::sum));
            byApplication.merge(decision.application(), 1L, Long::sum);
        }
        String name = unit == ChronoUnit.MINUTES ? "minute" : unit == ChronoUnit.HOURS ? "hour" : "day";
        return new Activity(name, times, byEffect, byRoute, byRule, byApplication, decisions.size());
    }

    Usage usage() {
        YearMonth month = usage.thisMonth();
        long executions = 0;
        long onDevice = 0;
        long twoStage = 0;
        long escalated = 0;
        long tokens = 0;
        double cost = 0;
        for (Application app : applications) {
            MonthlyUsage used = usage.of(app.id(), month);
            executions += used.executions();
            onDevice += used.onDevice();
            twoStage += used.twoStage();
            escalated += used.escalated();
            tokens += used.cloudTokens();
            for (Map.Entry<String, MonthlyUsage.Tokens> leg : used.byDestination().entrySet()) {
                cost += usage.cost(leg.getKey(), leg.getValue().in(), leg.getValue().out());
            }
        }
        return new Usage(month, executions, executions == 0 ? null : (double) onDevice / executions,
                twoStage == 0 ? null : (double) escalated / twoStage, tokens, cost);
    }

    List<Alarms.Alert> alerts() {
        return alerts.get();
    }

    TrailStatus trailStatus() {
        try {
            List<Checkpoint> all = checkpoints.all();
            return new TrailStatus(chains.now(), all.isEmpty() ? null : all.getLast(), all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
