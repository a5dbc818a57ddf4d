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
 * Usage as the log says it, before the catalog tells which destination is on-device: what one record adds, or the sum
 * of a sealed segment's records per application, month and answering destination ({@link UsageIndex}). The catalog
 * is applied when it is counted, so a summary folded at start counts as the records it sums would.
 *
 * @param answeredBy the destination that answered the executions; null for validations
 * @param usage      the usage, with none on-device yet
 */
record LoggedUsage(String application, String answeredBy, MonthlyUsage usage) {

    /** What sums with other usage of the same key. */
    record Key(String application, String answeredBy, YearMonth month) {
    }

    Key key() {
        return new Key(application, answeredBy, usage.month());
    }

    LoggedUsage plus(LoggedUsage more) {
        return new LoggedUsage(application, answeredBy, usage.plus(more.usage));
    }

    /**
     * What one record adds in the month of the log's {@code time} on it: a completed execution, or a validation the
     * cloud answered (its tokens and its verdict). Failed executions and validations, and validations logged before
     * they named their application and tokens, add nothing.
     */
    static Optional<LoggedUsage> of(LogRecord record, String time) {
        YearMonth month = YearMonth.from(Instant.parse(time).atZone(ZoneOffset.UTC));
        return switch (record) {
            case ExecutionOutcome outcome when outcome.completed() -> Optional.of(
                    new LoggedUsage(outcome.application(), outcome.destination(), execution(outcome, month)));
            case ValidationRecord validation when !validation.failed() && validation.application() != null
                    && validation.cloudTokensIn() != null ->
                    Optional.of(new LoggedUsage(validation.application(), null, validation(validation, month)));
            default -> Optional.empty();
        };
    }

    /** The usage with the executions answered on-device counted as such. */
    UsageOfRecord resolved(DestinationCatalog catalog) {
        boolean onDevice = answeredBy != null && catalog.byId(answeredBy).map(Destination::kind)
                .filter(DestinationKind.SLM::equals).isPresent();
        MonthlyUsage u = usage;
        return new UsageOfRecord(application, new MonthlyUsage(u.month(), u.executions(),
                onDevice ? u.executions() : 0, u.twoStage(), u.escalated(), u.byDestination(), u.validated(),
                u.disagreed()));
    }

    private static MonthlyUsage execution(ExecutionOutcome outcome, YearMonth month) {
        boolean twoStage = outcome.strategy() == Strategy.CASCADE || outcome.strategy() == Strategy.DRAFT_VERIFY;
        Map<String, MonthlyUsage.Tokens> tokens = outcome.cloudDestination() == null ? Map.of()
                : Map.of(outcome.cloudDestination(),
                new MonthlyUsage.Tokens(outcome.cloudTokensIn(), outcome.cloudTokensOut()));
        return new MonthlyUsage(month, 1, 0, twoStage ? 1 : 0,
                twoStage && Boolean.TRUE.equals(outcome.escalated()) ? 1 : 0, tokens, 0, 0);
    }

    private static MonthlyUsage validation(ValidationRecord validation, YearMonth month) {
        boolean disagreed = ValidationRecord.CORRECTED.equals(validation.verdict());
        return new MonthlyUsage(month, 0, 0, 0, 0, Map.of(validation.destination(),
                new MonthlyUsage.Tokens(validation.cloudTokensIn(), validation.cloudTokensOut())), 1,
                disagreed ? 1 : 0);
    }
}
