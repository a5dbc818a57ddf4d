package dev.tollgate.execute.usage;

import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.DurableAppend;
import dev.tollgate.audit.ExecutionOutcome;
import dev.tollgate.config.Application;
import dev.tollgate.terms.Strategy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.tollgate.execute.usage.UsageFixtures.CATALOG;
import static dev.tollgate.execute.usage.UsageFixtures.cloud;
import static dev.tollgate.execute.usage.UsageFixtures.onDevice;
import static dev.tollgate.testing.ApplicationBuilder.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageLedgerTest {
    private static final Instant NOVEMBER = Instant.parse("2026-11-30T23:59:59Z");
    private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:01Z");
    private static final Clock MID_DECEMBER = Clock.fixed(Instant.parse("2026-12-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theLogIsCountedPerApplicationAndCalendarMonth() throws Exception {
        append(NOVEMBER, cloud("a", Strategy.STATIC, false, 100, 50));
        append(DECEMBER, cloud("a", Strategy.CASCADE, true, 300, 40), onDevice("a", Strategy.CASCADE),
                onDevice("a", Strategy.STATIC), onDevice("b", Strategy.STATIC),
                ExecutionOutcome.failed("d-f", "a", "cloud-eu", "destination-timeout", 5));

        UsageLedger ledger = ledger(List.of());

        MonthlyUsage december = ledger.of("a", YearMonth.of(2026, 12));
        assertEquals(3, december.executions(), "the failed execution does not count");
        assertEquals(2.0 / 3, december.onDeviceShare());
        assertEquals(0.5, december.escalationRate(), "one of two cascades escalated");
        assertEquals(Map.of("cloud-eu", new MonthlyUsage.Tokens(300, 40)), december.byDestination());
        assertEquals(340, december.cloudTokens());
        assertEquals(Map.of("cloud-eu", new MonthlyUsage.Tokens(100, 50)),
                ledger.of("a", YearMonth.of(2026, 11)).byDestination(), "the record a second before December");
        assertEquals(0, ledger.of("b", YearMonth.of(2026, 12)).cloudTokens());
        assertNull(ledger.of("c", YearMonth.of(2026, 12)).onDeviceShare(), "no executions, no share");
        assertEquals((300 * 1.0 + 40 * 2.0) / 1000, ledger.cost("cloud-eu", 300, 40), 1e-12);
    }

    @Test
    void aBudgetIsSpentByThisMonthsTokensInAndOut() throws Exception {
        append(NOVEMBER, cloud("a", Strategy.STATIC, false, 5_000, 5_000));
        append(DECEMBER, cloud("a", Strategy.STATIC, false, 300, 40));
        Application budget400 = app("a", 400L);
        Application budget340 = app("a", 340L);
        Application none = app("a", null);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        UsageLedger ledger = UsageLedger.fromLog(dir.resolve("log"), CATALOG, List.of(budget400), MID_DECEMBER,
                registry);

        assertEquals(60L, ledger.remaining(budget400), "November's tokens do not count in December");
        assertFalse(ledger.exhausted(budget400));
        assertTrue(ledger.exhausted(budget340));
        assertFalse(ledger.exhausted(none));
        assertNull(ledger.remaining(none));
        assertEquals(60.0, registry.get("tollgate.cloud.token.budget.remaining").tag("application", "a").gauge().value());

        ledger.add(DECEMBER.toString(), cloud("a", Strategy.STATIC, false, 50, 10));

        assertTrue(ledger.exhausted(budget400), "a live execution spends the rest");
        assertEquals(0.0, registry.get("tollgate.cloud.token.budget.remaining").gauge().value());
        assertEquals(50.0, registry.get("tollgate.cloud.tokens").tag("direction", "in").counter().count());
        assertEquals(10.0, registry.get("tollgate.cloud.tokens").tag("direction", "out").counter().count());
        assertEquals((50 + 20) / 1000.0, registry.get("tollgate.cloud.cost").tag("application", "a")
                .tag("destination", "cloud-eu").counter().count(), 1e-12);
    }

    @Test
    void anApplicationsSeriesAreThereAtZeroFromTheStartAndAnswersCountByKind() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UsageLedger ledger = UsageLedger.fromLog(dir.resolve("log"), CATALOG, List.of(app("a", 400L)), MID_DECEMBER,
                registry);

        assertEquals(400.0, registry.get("tollgate.cloud.token.budget.monthly").tag("application", "a").gauge().value());
        for (String direction : List.of("in", "out")) {
            assertEquals(0.0, registry.get("tollgate.cloud.tokens").tag("application", "a").tag("destination", "cloud-eu")
                    .tag("direction", direction).counter().count());
        }
        assertEquals(0.0, registry.get("tollgate.cloud.cost").tag("application", "a").counter().count());
        assertEquals(0.0, answers(registry, "slm"));
        assertEquals(0.0, answers(registry, "cloud"));

        ledger.add(DECEMBER.toString(), onDevice("a", Strategy.CASCADE));
        ledger.add(DECEMBER.toString(), onDevice("a", Strategy.STATIC));
        ledger.add(DECEMBER.toString(), cloud("a", Strategy.STATIC, false, 3, 4));
        ledger.add(DECEMBER.toString(), ExecutionOutcome.failed("d-f", "a", "cloud-eu", "destination-timeout", 5));

        assertEquals(2.0, answers(registry, "slm"));
        assertEquals(1.0, answers(registry, "cloud"), "a failed execution answered nothing");
    }

    private static double answers(SimpleMeterRegistry registry, String kind) {
        return registry.get("tollgate.answers").tag("application", "a").tag("kind", kind).counter().count();
    }

    private UsageLedger ledger(List<Application> applications) throws Exception {
        return UsageLedger.fromLog(dir.resolve("log"), CATALOG, applications, MID_DECEMBER, new SimpleMeterRegistry());
    }

    private void append(Instant at, ExecutionOutcome... outcomes) throws Exception {
        try (DecisionLog log = DecisionLog.open(dir.resolve("log"), 1 << 20, Clock.fixed(at, ZoneOffset.UTC))) {
            for (ExecutionOutcome outcome : outcomes) {
                DurableAppend.append(log, outcome);
            }
        }
    }

    private static Application app(String id, Long budget) {
        return application(id).permitted(List.of("slm-local", "cloud-eu")).cloudTokenBudgetMonthly(budget).build();
    }
}
