package dev.tollgate.execute.usage;

import dev.tollgate.audit.LogRecord;
import dev.tollgate.config.DestinationCatalog;

import java.util.Optional;

/**
 * What one record adds to its application's usage in the month of the log's {@code time} on it: a completed
 * execution, or a validation the cloud answered (its tokens and its verdict). Failed executions and validations, and
 * validations logged before they named their application and tokens, add nothing.
 */
public record UsageOfRecord(String application, MonthlyUsage usage) {

    static Optional<UsageOfRecord> of(LogRecord record, String time, DestinationCatalog catalog) {
        return LoggedUsage.of(record, time).map(logged -> logged.resolved(catalog));
    }
}
