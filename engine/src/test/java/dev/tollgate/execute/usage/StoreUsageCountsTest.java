package dev.tollgate.execute.usage;

import dev.tollgate.audit.DurableAppend;
import dev.tollgate.audit.ExecutionOutcome;
import dev.tollgate.audit.PostgresDecisionLog;
import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.terms.Strategy;
import dev.tollgate.testing.ClassStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import static dev.tollgate.execute.usage.UsageFixtures.CATALOG;
import static dev.tollgate.execute.usage.UsageFixtures.cloud;
import static dev.tollgate.execute.usage.UsageFixtures.onDevice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Usage counted in a real PostgreSQL, in the transaction of the record that adds it, by every replica's stream. */
class StoreUsageCountsTest {
    private static final Clock NOVEMBER = Clock.fixed(Instant.parse("2026-11-30T23:59:59Z"), ZoneOffset.UTC);
    private static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-01T00:00:01Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final ClassStore STORE = new ClassStore();

    private static PostgresDecisionLog stream(String replica, Clock clock) throws Exception {
        return PostgresDecisionLog.open(STORE.dataSource(), replica, clock,
                new StoreUsageCounts(STORE.dataSource(), CATALOG));
    }

    @Test
    void everyReplicasRecordsAddUpPerApplicationAndMonth() throws Exception {
        try (PostgresDecisionLog a = stream("a", DECEMBER); PostgresDecisionLog b = stream("b", DECEMBER);
             PostgresDecisionLog lateNovember = stream("c", NOVEMBER)) {
            DurableAppend.append(a, cloud("app1", Strategy.CASCADE, true, 300, 40));
            DurableAppend.append(b, cloud("app1", Strategy.STATIC, false, 100, 10));
            DurableAppend.append(b, onDevice("app1", Strategy.CASCADE));
            DurableAppend.append(a, ExecutionOutcome.failed("d-f", "app1", "cloud-eu", "destination-timeout", 5));
            DurableAppend.append(a, new ValidationRecord("d-v", "cloud-eu", ValidationRecord.CORRECTED,
                    "hmac-sha256:00", "v-1", "app1", 1, null, 20, 2));
            DurableAppend.append(lateNovember, cloud("app1", Strategy.STATIC, false, 7, 7));
            DurableAppend.append(b, cloud("app2", Strategy.STATIC, false, 1, 1));
        }

        StoreUsageCounts counts = new StoreUsageCounts(STORE.dataSource(), CATALOG);
        MonthlyUsage december = counts.of("app1", YearMonth.of(2026, 12));
        assertEquals(3, december.executions(), "the failed execution does not count");
        assertEquals(1, december.onDevice());
        assertEquals(2, december.twoStage());
        assertEquals(1, december.escalated());
        assertEquals(Map.of("cloud-eu", new MonthlyUsage.Tokens(420, 52)), december.byDestination());
        assertEquals(1, december.validated());
        assertEquals(1, december.disagreed());
        assertEquals(Map.of("cloud-eu", new MonthlyUsage.Tokens(7, 7)),
                counts.of("app1", YearMonth.of(2026, 11)).byDestination(), "the record a second before December");
        assertEquals(MonthlyUsage.none(YearMonth.of(2026, 10)), counts.of("app1", YearMonth.of(2026, 10)));
    }

    @Test
    void aRecordTheStoreRefusesCountsNothing() throws Exception {
        try (PostgresDecisionLog first = stream("twice", DECEMBER); PostgresDecisionLog second = stream("twice", DECEMBER)) {
            DurableAppend.append(first, cloud("refused", Strategy.STATIC, false, 5, 5));

            // The second log of the stream goes on from the head it read at open: its seq is taken.
            assertThrows(RuntimeException.class,
                    () -> DurableAppend.append(second, cloud("refused", Strategy.STATIC, false, 1000, 1000)));
        }

        MonthlyUsage december = new StoreUsageCounts(STORE.dataSource(), CATALOG).of("refused", YearMonth.of(2026, 12));
        assertEquals(1, december.executions());
        assertEquals(Map.of("cloud-eu", new MonthlyUsage.Tokens(5, 5)), december.byDestination());
    }
}
