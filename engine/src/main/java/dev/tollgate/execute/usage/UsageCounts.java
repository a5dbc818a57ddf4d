package dev.tollgate.execute.usage;

import java.time.YearMonth;

/**
 * Where the monthly usage is kept: counted from the data directory's log ({@link LogUsageCounts}), or in the store
 * that replicas share ({@link StoreUsageCounts}).
 */
public interface UsageCounts {
    MonthlyUsage of(String application, YearMonth month);

    /** Told of a record's usage once the log holds the record. */
    void counted(UsageOfRecord usage);
}
