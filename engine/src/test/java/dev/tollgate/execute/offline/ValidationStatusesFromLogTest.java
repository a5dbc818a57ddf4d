package dev.tollgate.execute.offline;

import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.DurableAppend;
import dev.tollgate.audit.ValidationRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationStatusesFromLogTest {
    private static final int VALIDATIONS = 60;

    @TempDir
    Path dir;

    @Test
    void aStartHoldsOnlyTheCurrentSegmentsValidationsAndLooksUpOlderOnesWhenAsked() throws Exception {
        Path logDir = dir.resolve("log");
        write(logDir, false);

        assertFindsEveryValidation(logDir);
        assertTrue(Files.exists(logDir.resolve(ValidationIndex.NAME)), "a log without an index is indexed at start");
        assertFindsEveryValidation(logDir);
    }

    @Test
    void aSegmentIsIndexedWhenTheLogSealsIt() throws Exception {
        Path logDir = dir.resolve("log");
        write(logDir, true);

        assertTrue(Files.exists(logDir.resolve(ValidationIndex.NAME)));
        assertFindsEveryValidation(logDir);
    }

    private static void assertFindsEveryValidation(Path logDir) throws Exception {
        ValidationStatuses statuses = ValidationStatuses.fromLog(logDir);

        assertTrue(statuses.held() < VALIDATIONS / 10, "held " + statuses.held() + " of " + VALIDATIONS);
        for (int i = 0; i < VALIDATIONS; i++) {
            ValidationStatus status = statuses.find("v-" + i).orElseThrow(AssertionError::new);
            assertEquals(i % 2 == 0 ? ValidationStatus.State.AGREED : ValidationStatus.State.DISAGREED,
                    status.state(), "v-" + i);
            assertEquals("d-" + i, status.decisionId());
            assertEquals("a", status.application());
        }
        assertEquals(Optional.empty(), statuses.find("v-unknown"));
    }

    private static void write(Path logDir, boolean indexedOnSeal) throws Exception {
        try (DecisionLog log = DecisionLog.open(logDir, 1_000, Clock.systemUTC())) {
            if (indexedOnSeal) {
                log.afterSeal(segment -> ValidationStatuses.indexSealed(logDir));
            }
            for (int i = 0; i < VALIDATIONS; i++) {
                DurableAppend.append(log, new ValidationRecord("d-" + i, "cloud-eu",
                        i % 2 == 0 ? ValidationRecord.AGREES : ValidationRecord.CORRECTED, "hmac-sha256:00", "v-" + i,
                        "a", 1, null, 7, 3));
            }
        }
    }
}
