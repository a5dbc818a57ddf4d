package dev.tollgate.execute.usage;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tollgate.audit.LogEntry;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.RecordTypes;
import dev.tollgate.audit.SegmentIndex;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usage of every sealed segment of a decision log, summed per application, month and answering destination
 * ({@link LoggedUsage}), one JSON line per segment in {@value #NAME} ({@link SegmentIndex}): a start folds the lines
 * and reads only the current segment, so what it reads does not grow with the log.
 */
final class UsageIndex {
    static final String NAME = "usage.idx";
    private static final Set<String> USAGE_TYPES = Set.of("execution", "validation");
    private static final TypeReference<List<Line>> LINES = new TypeReference<>() {
    };

    /** One sum as the index writes it. */
    private record Line(String application, String answeredBy, String month, long executions, long twoStage,
                        long escalated, Map<String, MonthlyUsage.Tokens> tokens, long validated, long disagreed) {
        static Line of(LoggedUsage logged) {
            MonthlyUsage u = logged.usage();
            return new Line(logged.application(), logged.answeredBy(), u.month().toString(), u.executions(),
                    u.twoStage(), u.escalated(), u.byDestination(), u.validated(), u.disagreed());
        }

        LoggedUsage logged() {
            return new LoggedUsage(application, answeredBy, new MonthlyUsage(YearMonth.parse(month), executions, 0,
                    twoStage, escalated, tokens == null ? Map.of() : tokens, validated, disagreed));
        }
    }

    private UsageIndex() {
    }

    static SegmentIndex<Collection<LoggedUsage>> of(Path logDir) {
        return SegmentIndex.ofJson(logDir, NAME, LINES).<Collection<LoggedUsage>>mapped(
                        sums -> sums.stream().map(Line::of).toList(), lines -> lines.stream().map(Line::logged).toList())
                .reading(RecordTypes.of(USAGE_TYPES.toArray(String[]::new)));
    }

    /**
     * The records' usage, summed per key; each record read is also told to read. Only executions and validations
     * carry usage ({@link LoggedUsage#of}): the other records, decisions above all, are not deserialised (and when
     * the index reads a segment, not even parsed: {@link RecordTypes}).
     */
    static Collection<LoggedUsage> sum(Iterator<LogEntry> records, Runnable read) {
        Map<LoggedUsage.Key, LoggedUsage> sums = new LinkedHashMap<>();
        while (records.hasNext()) {
            LogEntry entry = records.next();
            read.run();
            if (USAGE_TYPES.contains(entry.json().path("type").asText())) {
                String time = entry.json().path("time").asText();
                LogRecord.read(entry.json()).flatMap(record -> LoggedUsage.of(record, time))
                        .ifPresent(logged -> sums.merge(logged.key(), logged, LoggedUsage::plus));
            }
        }
        return sums.values();
    }
}
