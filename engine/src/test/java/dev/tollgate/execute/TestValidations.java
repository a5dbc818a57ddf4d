package dev.tollgate.execute;

import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.execute.offline.ValidationQueue;
import dev.tollgate.execute.offline.ValidationRetry;
import dev.tollgate.execute.offline.ValidationStatuses;
import dev.tollgate.execute.usage.UsageLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Validations and a validator over a queue, as the service wires them, for tests that run strategies directly. */
final class TestValidations {
    static final ValidationRetry RETRY = new ValidationRetry(Duration.ofSeconds(5), Duration.ofMinutes(1), 3);

    private TestValidations() {
    }

    static Validations of(ValidationQueue queue) {
        return new Validations(queue, new ValidationStatuses(),
                new KeptAnswers(Duration.ofHours(1), 100, Clock.systemUTC()), 100, status -> {
                });
    }

    /**
     * A validator counting into a ledger of its own, retrying as {@link #RETRY} says, on a clock an hour ahead: what
     * was queued just now is due at once.
     */
    static OfflineValidator validator(Validations validations, ExecutorRegistry executors, ExecutionRecords records)
            throws IOException {
        return validator(validations, executors, records, new SimpleMeterRegistry());
    }

    /** The same, with the validation metrics (backlog, verdicts, failures for cloud-eu) in {@code registry}. */
    static OfflineValidator validator(Validations validations, ExecutorRegistry executors, ExecutionRecords records,
                                      MeterRegistry registry) throws IOException {
        UsageLedger usage = UsageLedger.fromLog(Path.of("no-log-here"), new DestinationCatalog(List.of()), List.of(),
                Clock.systemUTC(), new SimpleMeterRegistry());
        return new OfflineValidator(validations, executors, records, usage,
                new ValidationMetrics(registry, validations.queue(), List.of("cloud-eu")), 64, RETRY,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));
    }
}
