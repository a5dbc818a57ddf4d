package dev.tollgate.cli;

import dev.tollgate.audit.PostgresStore;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.ServiceProcess;
import dev.tollgate.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.tollgate.testing.ServiceProcess.awaitReady;
import static dev.tollgate.testing.ServiceProcess.freePort;
import static dev.tollgate.testing.ServiceProcess.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One writer per stream of the shared store: a second replica given a replica id that a running one has exits at
 * start, naming the id and the store, and the first keeps serving. The lock lives with the holder's session, so a
 * replica killed with SIGKILL can be started again under its id at once.
 */
class ReplicaIdInUseTest {
    @Test
    void aSecondReplicaWithARunningOnesIdExitsNamingItAndTheStore(@TempDir Path dir) throws Exception {
        try (TestStore store = TestStore.create()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Path firstData = Files.createDirectories(dir.resolve("first"));
            Path secondData = Files.createDirectories(dir.resolve("second"));
            int port = freePort();
            URI first = URI.create("http://127.0.0.1:" + port);
            Map<String, String> env = Map.of("TOLLGATE_SIGNING_KEY_FILE", dir.resolve("signing.pem").toString());
            Process running = serve(store, port, firstData, env);
            Process restarted = null;
            try {
                awaitReady(client, first, running);

                Process second = serve(store, freePort(), secondData, env);
                assertTrue(second.waitFor(90, TimeUnit.SECONDS), "the second replica did not exit");
                String output = Files.readString(secondData.resolve("service.out"));
                assertEquals(TollgateCli.STORE_UNAVAILABLE, second.exitValue(), output);
                assertTrue(output.contains("the stream twin of the store " + PostgresStore.redacted(store.url())
                        + " is written by another running replica"), output);
                assertEquals(200, post(client, first, "/v1/decide", Samples.BODIES.getFirst()).statusCode());

                running.destroyForcibly().waitFor();
                restarted = serve(store, port, firstData, env);
                awaitReady(client, first, restarted);
                assertEquals(200, post(client, first, "/v1/decide", Samples.BODIES.getFirst()).statusCode());
            } finally {
                for (Process replica : restarted == null ? List.of(running) : List.of(running, restarted)) {
                    replica.destroy();
                    replica.waitFor(30, TimeUnit.SECONDS);
                    replica.destroyForcibly();
                }
            }
        }
    }

    private static Process serve(TestStore store, int port, Path data, Map<String, String> env) throws Exception {
        return ServiceProcess.serve(port, data, List.of("--store", store.url(), "--replica-id", "twin"), env);
    }
}
