package dev.tollgate.api;

import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.execute.usage.MonthlyUsage;
import dev.tollgate.execute.usage.UsageLedger;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET /v1/usage: the calling application's cloud tokens (offline validations' included), their cost at the
 * catalog's prices, on-device share, escalation rate and validation disagreement rate, for this calendar month and
 * the last (UTC), or for the one month {@code ?month=YYYY-MM} names; with its monthly budget and what is left of it.
 * The key names the application, as on every endpoint.
 */
public final class UsageHandler implements Handler {
    private static final Set<String> PARAMETERS = Set.of("month");

    private final RequestGuard guard;
    private final UsageLedger usage;

    public UsageHandler(ApplicationRegistry registry, UsageLedger usage) {
        this.guard = new RequestGuard(registry, 0);
        this.usage = usage;
    }

    record DestinationUsage(String destination, long tokensIn, long tokensOut, double cost) {
    }

    record MonthUsage(String month, long executions, Double onDeviceShare, Double escalationRate, long cloudTokensIn,
                      long cloudTokensOut, double cost, List<DestinationUsage> destinations,
                      Double validationDisagreementRate) {
    }

    record UsageResponse(String application, Long cloudTokenBudgetMonthly, Long cloudTokensRemaining,
                         List<MonthUsage> months) {
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        Application app = guard.authenticate(req);
        List<YearMonth> months = months(req);
        Responses.json(res, 200, new UsageResponse(app.id(), app.cloudTokenBudgetMonthly(), usage.remaining(app),
                months.stream().map(month -> month(usage.of(app.id(), month))).toList()));
    }

    private List<YearMonth> months(ServerRequest req) {
        for (String name : req.query().names()) {
            if (!PARAMETERS.contains(name)) {
                throw new ProblemException(HttpProblem.BAD_REQUEST,
                        "Unknown query parameter; the only one is month=YYYY-MM");
            }
        }
        if (!req.query().contains("month")) {
            YearMonth now = usage.thisMonth();
            return List.of(now, now.minusMonths(1));
        }
        List<String> given = req.query().all("month");
        if (given.size() == 1) {
            try {
                return List.of(YearMonth.parse(given.getFirst()));
            } catch (DateTimeParseException e) {
                // answered below, as a second month is
            }
        }
        throw new ProblemException(HttpProblem.BAD_REQUEST,
                "month must be one calendar month written YYYY-MM, e.g. 2026-12");
    }

    private MonthUsage month(MonthlyUsage u) {
        List<DestinationUsage> destinations = u.byDestination().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new DestinationUsage(e.getKey(), e.getValue().in(), e.getValue().out(),
                        usage.cost(e.getKey(), e.getValue().in(), e.getValue().out())))
                .toList();
        return new MonthUsage(u.month().toString(), u.executions(), u.onDeviceShare(), u.escalationRate(),
                destinations.stream().mapToLong(DestinationUsage::tokensIn).sum(),
                destinations.stream().mapToLong(DestinationUsage::tokensOut).sum(),
                destinations.stream().mapToDouble(DestinationUsage::cost).sum(), destinations,
                u.validationDisagreementRate());
    }
}
