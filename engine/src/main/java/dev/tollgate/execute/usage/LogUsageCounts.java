package dev.tollgate.execute.usage;

import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.SegmentIndex;
import dev.tollgate.config.DestinationCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usage counted in memory: rebuilt at start from the data directory's log (its {@link UsageIndex} and current
 * segment), then told of every new record once it is
 * durable, so that it holds exactly what the log holds and a crash loses nothing the log kept.
 */
public final class LogUsageCounts implements UsageCounts {
    private final Map<Key, MonthlyUsage> usage = new ConcurrentHashMap<>();
    private long recordsRead;

    private record Key(String application, YearMonth month) {
    }

    /**
     * The usage the log holds: the index's sums of the sealed segments (reading and indexing those without a line)
     * and the records of the current segment.
     */
    public static LogUsageCounts fromLog(Path logDir, DestinationCatalog catalog) throws IOException {
        LogUsageCounts counts = new LogUsageCounts();
        if (Files.isDirectory(logDir)) {
            SegmentIndex<Collection<LoggedUsage>> index = UsageIndex.of(logDir);
            Runnable read = () -> counts.recordsRead++;
            index.complete(records -> UsageIndex.sum(records, read)).values()
                    .forEach(sums -> counts.count(sums, catalog));
            try (LogReader reader = LogReader.openFrom(logDir, index.current())) {
                counts.count(UsageIndex.sum(reader, read), catalog);
            }
        }
        return counts;
    }

    /**
     * Indexes the usage of the log's sealed segments that have no line yet: given to {@link DecisionLog#afterSeal},
     * it sums each segment once as the log moves on from it, so that the next start need not read it.
     */
    public static void indexSealed(Path logDir) throws IOException {
        UsageIndex.of(logDir).complete(records -> UsageIndex.sum(records, () -> {
        }));
    }

    private void count(Collection<LoggedUsage> sums, DestinationCatalog catalog) {
        sums.forEach(logged -> counted(logged.resolved(catalog)));
    }

    /** Records the rebuild read from the log. */
    long recordsRead() {
        return recordsRead;
    }

    @Override
    public MonthlyUsage of(String application, YearMonth month) {
        return usage.getOrDefault(new Key(application, month), MonthlyUsage.none(month));
    }

    @Override
    public void counted(UsageOfRecord counted) {
        usage.merge(new Key(counted.application(), counted.usage().month()), counted.usage(), MonthlyUsage::plus);
    }
}
