package dev.tollgate.execute;

import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.execute.cloud.CloudSettings;
import dev.tollgate.execute.cloud.OpenAiExecutor;
import dev.tollgate.execute.offline.PendingValidation;
import dev.tollgate.execute.offline.FileValidationQueue;
import dev.tollgate.execute.offline.ValidationQueue;
import dev.tollgate.execute.offline.ValidationRetry;
import dev.tollgate.execute.offline.ValidationStatus;
import dev.tollgate.execute.offline.ValidationStatus.State;
import dev.tollgate.execute.offline.ValidationStatuses;
import dev.tollgate.execute.usage.MonthlyUsage;
import dev.tollgate.execute.usage.UsageLedger;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.MutableClock;
import dev.tollgate.testing.RecordingCloud;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator against a recording cloud that agrees, corrects or refuses, on a clock the test moves. */
class OfflineValidatorTest {
    private static final Instant START = Instant.parse("2026-12-06T08:00:00Z");
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final ValidationRetry RETRY = new ValidationRetry(Duration.ofSeconds(5), Duration.ofSeconds(20), 3);
    private static final String APP = "claims";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<ValidationStatus> ended = new ArrayList<>();
    private RecordingCloud cloud;
    private ExecutorRegistry executors;
    private ValidationQueue queue;
    private Validations validations;
    private DecisionLog log;
    private UsageLedger usage;
    private OfflineValidator validator;

    @BeforeEach
    void setUp() throws IOException {
        cloud = RecordingCloud.start();
        executors = new ExecutorRegistry(List.of(new OpenAiExecutor("cloud-eu", new CloudSettings(cloud.baseUrl(),
                "cloud-model", "test-key", Duration.ofSeconds(10), 0, Duration.ofSeconds(1)))), Map.of());
        queue = FileValidationQueue.open(dir.resolve("queue"), dir.resolve("queue.key"));
        validations = validations(new ValidationStatuses());
        log = DecisionLog.open(dir.resolve("log"), 1 << 20, clock);
        usage = ledger();
        validator = new OfflineValidator(validations, executors, new ExecutionRecords(log,
                TextHmac.open(dir.resolve("hmac.key"))), usage,
                new ValidationMetrics(registry, queue, List.of("cloud-eu")), 64, RETRY, clock);
    }

    @AfterEach
    void tearDown() throws IOException {
        log.close();
        queue.close();
        executors.close();
        cloud.close();
    }

    private Validations validations(ValidationStatuses statuses) {
        return new Validations(queue, statuses, new KeptAnswers(Duration.ofHours(1), 10, clock), 10, ended::add);
    }

    private UsageLedger ledger() throws IOException {
        return UsageLedger.fromLog(dir.resolve("log"), new DestinationCatalog(List.of()), List.of(), clock,
                new SimpleMeterRegistry());
    }

    private void queue(String id) throws IOException {
        validations.enqueue(new PendingValidation(id, "d-" + id, APP, "cloud-eu",
                List.of(new Message("user", "Where does <PERSON_1> live?")), "<PERSON_1> lives in Hamburg.",
                clock.instant()), text -> text.replace("<PERSON_1>", "Maria Schmidt"));
    }

    private State state(String id) {
        return validations.find(APP, id).orElseThrow().status().state();
    }

    private int attempts(String id) {
        return validations.find(APP, id).orElseThrow().status().attempts();
    }

    private List<ValidationRecord> logged() {
        return LoggedRecords.read(dir.resolve("log"), ValidationRecord.class);
    }

    @Test
    void aCloudThatKeepsRefusingIsTriedAfterGrowingWaitsThenSetAsideAsFailed() throws Exception {
        cloud.refuse(401);
        queue("v-1");

        assertEquals(0, validator.drain());
        assertTrue(cloud.bodies().isEmpty(), "a new entry waits the first wait: its execution is logged first");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(0, validator.drain());
        assertEquals(1, cloud.bodies().size());
        assertEquals(State.QUEUED, state("v-1"));
        assertEquals(1, attempts("v-1"));
        clock.advance(Duration.ofSeconds(4));
        validator.drain();
        assertEquals(1, cloud.bodies().size(), "not due before its first wait (5 s) is over");
        clock.advance(Duration.ofSeconds(1));
        validator.drain();
        assertEquals(2, cloud.bodies().size());
        clock.advance(Duration.ofSeconds(9));
        validator.drain();
        assertEquals(2, cloud.bodies().size(), "the second wait is twice the first");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, validator.drain(), "the third failed attempt is the last");

        assertEquals(State.FAILED, state("v-1"));
        assertEquals(3, attempts("v-1"));
        assertEquals("bad-response", validations.find(APP, "v-1").orElseThrow().status().problem());
        assertEquals(0, queue.size());
        assertEquals(1.0, registry.get("tollgate.validations.failed").tag("destination", "cloud-eu").counter()
                .count());
        ValidationRecord record = logged().getFirst();
        assertEquals(new ValidationRecord("d-v-1", "cloud-eu", ValidationRecord.FAILED, null, "v-1", APP, 3,
                "bad-response", null, null), record);
        assertEquals(List.of(validations.find(APP, "v-1").orElseThrow().status()), ended, "told once, at the end");
        assertEquals(0, usage.of(APP, DECEMBER).validated(), "a failed validation is no verdict");
        assertNull(usage.of(APP, DECEMBER).validationDisagreementRate());

        clock.advance(Duration.ofHours(1));
        assertEquals(0, validator.drain());
        assertEquals(3, cloud.bodies().size(), "set aside: never tried again");
    }

    @Test
    void theCloudsCorrectionIsRestoredForItsCallerAndCountsAsADisagreement() throws Exception {
        cloud.answers("<PERSON_1> lives in Berlin.", "APPROVED");
        queue("v-1");
        queue("v-2");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(2, validator.drain());

        Validations.View corrected = validations.find(APP, "v-1").orElseThrow();
        assertEquals(State.DISAGREED, corrected.status().state());
        assertEquals("Maria Schmidt lives in Berlin.", corrected.correctedAnswer().orElseThrow());
        Validations.View agreed = validations.find(APP, "v-2").orElseThrow();
        assertEquals(State.AGREED, agreed.status().state());
        assertTrue(agreed.correctedAnswer().isEmpty());
        assertTrue(validations.find("another-app", "v-1").isEmpty(), "another application's validation is unknown");
        cloud.messageTexts().forEach(text -> assertFalse(text.contains("Schmidt"), text));

        MonthlyUsage month = usage.of(APP, DECEMBER);
        assertEquals(2, month.validated());
        assertEquals(1, month.disagreed());
        assertEquals(0.5, month.validationDisagreementRate());
        List<ValidationRecord> records = logged();
        long tokensIn = records.stream().mapToLong(ValidationRecord::cloudTokensIn).sum();
        long tokensOut = records.stream().mapToLong(ValidationRecord::cloudTokensOut).sum();
        assertTrue(tokensIn > 0 && tokensOut > 0, records.toString());
        assertEquals(Map.of("cloud-eu", new MonthlyUsage.Tokens(tokensIn, tokensOut)), month.byDestination());

        // A restart: the verdicts and the counts come back from the log, the restored correction does not.
        MonthlyUsage rebuilt = ledger().of(APP, DECEMBER);
        assertEquals(month, rebuilt);
        Validations restarted = validations(ValidationStatuses.fromLog(dir.resolve("log")).queuedIn(queue));
        Validations.View afterRestart = restarted.find(APP, "v-1").orElseThrow();
        assertEquals(State.DISAGREED, afterRestart.status().state());
        assertTrue(afterRestart.correctedAnswer().isEmpty());
        assertEquals(State.AGREED, restarted.find(APP, "v-2").orElseThrow().status().state());
    }

    @Test
    void theWaitDoublesUpToTheLongest() {
        assertEquals(List.of(5L, 10L, 20L, 20L, 20L), List.of(1, 2, 3, 4, 40).stream()
                .map(n -> RETRY.after(n).toSeconds()).toList());
    }
}
