package dev.tollgate.execute.usage;

import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.config.DestinationCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usage counted in memory: rebuilt from the data directory's log at start, then told of every new record once it is
 * durable, so that it holds exactly what the log holds and a crash loses nothing the log kept.
 */
public final class LogUsageCounts implements UsageCounts {
    private final Map<Key, MonthlyUsage> usage = new ConcurrentHashMap<>();

    private record Key(String application, YearMonth month) {
    }

    public static LogUsageCounts fromLog(Path logDir, DestinationCatalog catalog) throws IOException {
        LogUsageCounts counts = new LogUsageCounts();
        if (Files.isDirectory(logDir)) {
            try (LogReader reader = LogReader.open(logDir)) {
                while (reader.hasNext()) {
                    var entry = reader.next();
                    String time = entry.json().path("time").asText();
                    LogRecord.read(entry.json()).flatMap(record -> UsageOfRecord.of(record, time, catalog))
                            .ifPresent(counts::counted);
                }
            }
        }
        return counts;
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
