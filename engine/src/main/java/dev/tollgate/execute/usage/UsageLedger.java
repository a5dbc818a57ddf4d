package dev.tollgate.execute.usage;

import dev.tollgate.audit.ExecutionOutcome;
import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.config.Application;
import dev.tollgate.config.Destination;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.terms.DestinationKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Cloud tokens, executions and escalations per application and calendar month (UTC), and the monthly budgets
 * they are held to. Nothing is stored beside the decision log: the counts ({@link UsageCounts}) are rebuilt from the
 * data directory's log at start, or kept in the shared store in the transaction of each record, and told of every
 * new completed execution record (and validation record of an offline answer: its tokens, and whether the cloud
 * agreed) once it is durable. A record counts in the month of the log's {@code time} on it.
 */
public final class UsageLedger {
    private final UsageCounts usage;
    private final DestinationCatalog catalog;
    private final Clock clock;
    private final MeterRegistry registry;

    private UsageLedger(UsageCounts usage, DestinationCatalog catalog, Clock clock, MeterRegistry registry) {
        this.usage = usage;
        this.catalog = catalog;
        this.clock = clock;
        this.registry = registry;
    }

    /** The usage in the log, with a gauge of the remaining budget of every application that has one. */
    public static UsageLedger fromLog(Path logDir, DestinationCatalog catalog, List<Application> applications,
                                      Clock clock, MeterRegistry registry) throws IOException {
        return over(LogUsageCounts.fromLog(logDir, catalog), catalog, applications, clock, registry);
    }

    /** The usage counts holds, with a gauge of the remaining budget of every application that has one. */
    public static UsageLedger over(UsageCounts usage, DestinationCatalog catalog, List<Application> applications,
                                   Clock clock, MeterRegistry registry) {
        UsageLedger ledger = new UsageLedger(usage, catalog, clock, registry);
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
        UsageOfRecord.of(outcome, time, catalog).ifPresent(usage::counted);
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
        Optional<UsageOfRecord> counted = UsageOfRecord.of(validation, time, catalog);
        counted.ifPresent(usage::counted);
        if (counted.isPresent()) {
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
        return usage.of(application, month);
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
