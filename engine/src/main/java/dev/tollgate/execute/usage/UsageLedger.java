package dev.tollgate.execute.usage;

import dev.tollgate.audit.ExecutionOutcome;
import dev.tollgate.audit.LogEntry;
import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.config.Application;
import dev.tollgate.config.Destination;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.Strategy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cloud tokens, executions and escalations per application and calendar month (UTC), and the monthly budgets
 * they are held to. Nothing is stored beside the decision log: the ledger is rebuilt from the log's completed
 * execution records (and the validation records of offline answers: their tokens, and whether the cloud agreed)
 * at start and then told of every new one once it is durable, so it holds exactly what the log
 * holds, and a crash loses nothing the log kept. A record counts in the month of the log's {@code time} on it.
 */
public final class UsageLedger {
    private final Map<Key, MonthlyUsage> usage = new ConcurrentHashMap<>();
    private final DestinationCatalog catalog;
    private final Clock clock;
    private final MeterRegistry registry;

    private record Key(String application, YearMonth month) {
    }

    private UsageLedger(DestinationCatalog catalog, Clock clock, MeterRegistry registry) {
        this.catalog = catalog;
        this.clock = clock;
        this.registry = registry;
    }

    /** The usage in the log, with a gauge of the remaining budget of every application that has one. */
    public static UsageLedger fromLog(Path logDir, DestinationCatalog catalog, List<Application> applications,
                                      Clock clock, MeterRegistry registry) throws IOException {
        UsageLedger ledger = new UsageLedger(catalog, clock, registry);
        if (Files.isDirectory(logDir)) {
            try (LogReader reader = LogReader.open(logDir)) {
                while (reader.hasNext()) {
                    LogEntry entry = reader.next();
                    String time = entry.json().path("time").asText();
                    switch (LogRecord.read(entry.json()).orElse(null)) {
                        case ExecutionOutcome outcome -> ledger.count(time, outcome);
                        case ValidationRecord validation -> ledger.count(time, validation);
                        case null, default -> {
                        }
                    }
                }
            }
        }
        for (Application app : applications) {
            if (app.cloudTokenBudgetMonthly() != null) {
                Gauge.builder("tollgate.cloud.token.budget.remaining", () -> ledger.remaining(app))
                        .description("Cloud tokens the application may still spend this calendar month")
                        .tag("application", app.id())
                        .register(registry);
                Gauge.builder("tollgate.cloud.token.budget.monthly", app::cloudTokenBudgetMonthly)
                        .description("The application's monthly cloud token budget")
                        .tag("application", app.id())
                        .register(registry);
            }
            ledger.registerZeros(app);
        }
        return ledger;
    }

    /** The application's series at zero from the start, so that a dashboard and rate() see them before any use. */
    private void registerZeros(Application app) {
        for (DestinationKind kind : DestinationKind.values()) {
            answers(app.id(), kind);
        }
        for (String destination : app.permittedDestinations()) {
            if (catalog.byId(destination).map(Destination::kind).filter(DestinationKind.CLOUD::equals).isPresent()) {
                tokens(destination, app.id(), "in");
                tokens(destination, app.id(), "out");
                cost(destination, app.id());
            }
        }
    }

    /** Counts an execution record the log has just made durable, appended at {@code time} (the log's ISO instant). */
    public void add(String time, ExecutionOutcome outcome) {
        count(time, outcome);
        if (!outcome.completed()) {
            return;
        }
        String app = outcome.application();
        catalog.byId(outcome.destination()).ifPresent(d -> answers(app, d.kind()).increment());
        if (outcome.cloudDestination() != null) {
            countMetrics(outcome.cloudDestination(), app, outcome.cloudTokensIn(), outcome.cloudTokensOut());
        }
    }

    /** Counts a validation record the log has just made durable, appended at {@code time}. */
    public void add(String time, ValidationRecord validation) {
        if (count(time, validation)) {
            countMetrics(validation.destination(), validation.application(), validation.cloudTokensIn(),
                    validation.cloudTokensOut());
        }
    }

    private void countMetrics(String destination, String app, long tokensIn, long tokensOut) {
        tokens(destination, app, "in").increment(tokensIn);
        tokens(destination, app, "out").increment(tokensOut);
        cost(destination, app).increment(cost(destination, tokensIn, tokensOut));
    }

    public MonthlyUsage of(String application, YearMonth month) {
        return usage.getOrDefault(new Key(application, month), MonthlyUsage.none(month));
    }

    public YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The application's budget is spent for this month; never for an application without a budget. */
    public boolean exhausted(Application app) {
        return app.cloudTokenBudgetMonthly() != null && remaining(app) <= 0;
    }

    /** Cloud tokens the application may still spend this month; null without a budget. */
    public Long remaining(Application app) {
        Long budget = app.cloudTokenBudgetMonthly();
        return budget == null ? null : Math.max(0, budget - of(app.id(), thisMonth()).cloudTokens());
    }

    /** What these tokens cost at the destination's catalog price (0 for a destination no longer in the catalog). */
    public double cost(String destination, long tokensIn, long tokensOut) {
        return catalog.byId(destination).map(d -> d.cost(tokensIn, tokensOut)).orElse(0.0);
    }

    private void count(String time, ExecutionOutcome outcome) {
        if (!outcome.completed()) {
            return;
        }
        YearMonth month = monthOf(time);
        usage.compute(new Key(outcome.application(), month), (key, before) -> plus(
                before == null ? MonthlyUsage.none(month) : before, outcome));
    }

    /**
     * A validation the cloud answered counts its tokens and its verdict; one that failed, or was logged before
     * validations named their application and tokens, counts nothing. True when it counted.
     */
    private boolean count(String time, ValidationRecord validation) {
        if (validation.failed() || validation.application() == null || validation.cloudTokensIn() == null) {
            return false;
        }
        YearMonth month = monthOf(time);
        boolean disagreed = ValidationRecord.CORRECTED.equals(validation.verdict());
        usage.compute(new Key(validation.application(), month), (key, before) -> {
            MonthlyUsage u = before == null ? MonthlyUsage.none(month) : before;
            return new MonthlyUsage(month, u.executions(), u.onDevice(), u.twoStage(), u.escalated(),
                    withTokens(u.byDestination(), validation.destination(), validation.cloudTokensIn(),
                            validation.cloudTokensOut()),
                    u.validated() + 1, u.disagreed() + (disagreed ? 1 : 0));
        });
        return true;
    }

    private static Map<String, MonthlyUsage.Tokens> withTokens(Map<String, MonthlyUsage.Tokens> before,
                                                               String destination, long in, long out) {
        Map<String, MonthlyUsage.Tokens> tokens = new HashMap<>(before);
        tokens.merge(destination, new MonthlyUsage.Tokens(in, out), (a, b) -> a.plus(b.in(), b.out()));
        return tokens;
    }

    private MonthlyUsage plus(MonthlyUsage u, ExecutionOutcome outcome) {
        boolean onDevice = catalog.byId(outcome.destination()).map(Destination::kind)
                .filter(DestinationKind.SLM::equals).isPresent();
        boolean twoStage = outcome.strategy() == Strategy.CASCADE || outcome.strategy() == Strategy.DRAFT_VERIFY;
        Map<String, MonthlyUsage.Tokens> tokens = outcome.cloudDestination() == null ? u.byDestination()
                : withTokens(u.byDestination(), outcome.cloudDestination(), outcome.cloudTokensIn(),
                outcome.cloudTokensOut());
        return new MonthlyUsage(u.month(), u.executions() + 1, u.onDevice() + (onDevice ? 1 : 0),
                u.twoStage() + (twoStage ? 1 : 0),
                u.escalated() + (twoStage && Boolean.TRUE.equals(outcome.escalated()) ? 1 : 0), tokens, u.validated(),
                u.disagreed());
    }

    private static YearMonth monthOf(String time) {
        return YearMonth.from(Instant.parse(time).atZone(ZoneOffset.UTC));
    }

    private Counter answers(String application, DestinationKind kind) {
        return Counter.builder("tollgate.answers")
                .description("Completed executions by the kind of destination that answered (slm: on-device), by application")
                .tag("application", application).tag("kind", kind.wire())
                .register(registry);
    }

    private Counter cost(String destination, String application) {
        return Counter.builder("tollgate.cloud.cost")
                .description("What cloud tokens cost at the catalog's prices, by destination and application")
                .tag("destination", destination).tag("application", application)
                .register(registry);
    }

    private Counter tokens(String destination, String application, String direction) {
        return Counter.builder("tollgate.cloud.tokens")
                .description("Cloud tokens counted by Tollgate's tokenizer: sent (in) and answered (out)")
                .tag("destination", destination).tag("application", application).tag("direction", direction)
                .register(registry);
    }
}
