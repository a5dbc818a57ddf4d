package dev.tollgate.cli;

import dev.tollgate.audit.DataDirLock;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.server.TollgateServer;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One writer per data directory: a second service on it is refused before it opens anything, naming the directory
 * and the holder's process id, and the first keeps serving. The refusal does not wait: the lock is tried, never
 * waited for, before the log, keys or queue are touched.
 */
class SecondWriterTest {
    private static final String SELF = Long.toString(ProcessHandle.current().pid());

    @Test
    void aSecondServeProcessOnTheDirectoryExitsNamingItAndTheHolder() throws Exception {
        try (TestService first = TestService.start()) {
            Path data = first.dataDir();
            CliProcess second = CliProcess.run(Map.of("TOLLGATE_POLICIES_DIR", TestService.POLICIES.toString()),
                    "serve", "--port", "0", "--data-dir", data.toString());

            assertEquals(ServeCommand.DATA_DIR_HELD, second.exitCode(), second.output());
            assertTrue(second.output().contains("data directory " + data.toRealPath()), second.output());
            assertTrue(second.output().contains("in use by process " + SELF), second.output());
            assertEquals(200, first.decide(TestService.CLAIMS_KEY, Samples.BODIES.getFirst()).statusCode());
        }
    }

    @Test
    void aSecondServiceInOneProcessIsRefusedAndTheFirstKeepsServing() throws Exception {
        try (TestService first = TestService.start()) {
            long lines = first.logRecords();
            TollgateConfig config = TollgateConfig.load(null, Map.of("TOLLGATE_DATA_DIR", first.dataDir().toString(),
                    "TOLLGATE_PORT", "0", "TOLLGATE_POLICIES_DIR", TestService.POLICIES.toString()));

            DataDirLock.HeldException refused = assertThrows(DataDirLock.HeldException.class,
                    () -> TollgateServer.start(config));

            assertTrue(refused.getMessage().contains(first.dataDir().toRealPath().toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains("process " + SELF), refused.getMessage());
            assertEquals(lines, first.logRecords());
            assertEquals(200, first.decide(TestService.CLAIMS_KEY, Samples.BODIES.getFirst()).statusCode());
        }
    }

    @Test
    void theDirectoryIsFreeAgainOnceTheFirstStops() throws Exception {
        Path data;
        try (TestService first = TestService.start()) {
            data = first.dataDir();
        }
        try (DataDirLock again = DataDirLock.acquire(data)) {
            assertThrows(DataDirLock.HeldException.class, () -> DataDirLock.acquire(data));
        }
    }
}
