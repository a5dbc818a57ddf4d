package dev.tollgate.execute.usage;

import dev.tollgate.audit.ExecutionOutcome;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.config.Destination;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.Strategy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * What one record adds to its application's usage in the month of the log's {@code time} on it: a completed
 * execution, or a validation the cloud answered (its tokens and its verdict). Failed executions and validations, and
 * validations logged before they named their application and tokens, add nothing.
 */
public record UsageOfRecord(String application, MonthlyUsage usage) {

    static Optional<UsageOfRecord> of(LogRecord record, String time, DestinationCatalog catalog) {
        YearMonth month = YearMonth.from(Instant.parse(time).atZone(ZoneOffset.UTC));
        return switch (record) {
            case ExecutionOutcome outcome when outcome.completed() ->
                    Optional.of(new UsageOfRecord(outcome.application(), execution(outcome, month, catalog)));
            case ValidationRecord validation when !validation.failed() && validation.application() != null
                    && validation.cloudTokensIn() != null ->
                    Optional.of(new UsageOfRecord(validation.application(), validation(validation, month)));
            default -> Optional.empty();
        };
    }

    private static MonthlyUsage execution(ExecutionOutcome outcome, YearMonth month, DestinationCatalog catalog) {
        boolean onDevice = catalog.byId(outcome.destination()).map(Destination::kind)
                .filter(DestinationKind.SLM::equals).isPresent();
        boolean twoStage = outcome.strategy() == Strategy.CASCADE || outcome.strategy() == Strategy.DRAFT_VERIFY;
        Map<String, MonthlyUsage.Tokens> tokens = outcome.cloudDestination() == null ? Map.of()
                : Map.of(outcome.cloudDestination(),
                new MonthlyUsage.Tokens(outcome.cloudTokensIn(), outcome.cloudTokensOut()));
        return new MonthlyUsage(month, 1, onDevice ? 1 : 0, twoStage ? 1 : 0,
                twoStage && Boolean.TRUE.equals(outcome.escalated()) ? 1 : 0, tokens, 0, 0);
    }

    private static MonthlyUsage validation(ValidationRecord validation, YearMonth month) {
        boolean disagreed = ValidationRecord.CORRECTED.equals(validation.verdict());
        return new MonthlyUsage(month, 0, 0, 0, 0, Map.of(validation.destination(),
                new MonthlyUsage.Tokens(validation.cloudTokensIn(), validation.cloudTokensOut())), 1,
                disagreed ? 1 : 0);
    }
}
