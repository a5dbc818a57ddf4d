package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.ServiceProcess;
import dev.tollgate.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.tollgate.cli.AuditCommandsTest.capture;
import static dev.tollgate.testing.ServiceProcess.awaitReady;
import static dev.tollgate.testing.ServiceProcess.freePort;
import static dev.tollgate.testing.ServiceProcess.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas on one PostgreSQL store, as processes of their own, under concurrent decisions; one is killed with
 * SIGKILL in full flight and the other keeps serving. Every decision answered 200 by either is in the store (export
 * lists it) and verify passes. Unlike a file, the store cannot be left with a torn last record: each record is a row
 * committed in its own transaction before the answer, so a kill loses at most rows that were never acknowledged.
 */
class ReplicaKilledUnderLoadTest {
    private static final int CLIENTS = 8;

    @Test
    void everyDecisionAnsweredByEitherReplicaIsInTheStoreAfterOneIsKilled(@TempDir Path dir) throws Exception {
        try (TestStore store = TestStore.create()) {
            Path signing = dir.resolve("signing/checkpoint-signing.pem");
            Path publicKey = dir.resolve("signing/checkpoint-signing.pub.pem");
            Map<String, String> env = Map.of("TOLLGATE_SIGNING_KEY_FILE", signing.toString());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Path first = Files.createDirectories(dir.resolve("a"));
            Path second = Files.createDirectories(dir.resolve("b"));
            int portA = freePort();
            Process killed = ServiceProcess.serve(portA, first, List.of("--store", store.url(), "--replica-id", "a"), env);
            URI a = URI.create("http://127.0.0.1:" + portA);
            awaitReady(client, a, killed);
            TestStore.shareKeys(first, second);
            int portB = freePort();
            Process survivor = ServiceProcess.serve(portB, second, List.of("--store", store.url(), "--replica-id", "b"), env);
            URI b = URI.create("http://127.0.0.1:" + portB);
            try {
                awaitReady(client, b, survivor);

                Map<URI, Set<String>> answered = Map.of(a, ConcurrentHashMap.newKeySet(), b, ConcurrentHashMap.newKeySet());
                AtomicBoolean running = new AtomicBoolean(true);
                try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int w = 0; w < CLIENTS; w++) {
                        URI replica = w % 2 == 0 ? a : b;
                        int offset = w;
                        workers.submit(() -> decideUntilStopped(client, replica, offset, running, answered.get(replica)));
                    }
                    awaitAnswers(answered.get(a), 100);
                    awaitAnswers(answered.get(b), 100);
                    killed.destroyForcibly();
                    killed.waitFor();
                    awaitAnswers(answered.get(b), answered.get(b).size() + 50);
                    running.set(false);
                }
                assertEquals(137, killed.exitValue(), "replica a must have died of SIGKILL");

                Set<String> exported = exportedDecisionIds(store.url());
                for (URI replica : List.of(a, b)) {
                    Set<String> missing = new HashSet<>(answered.get(replica));
                    missing.removeAll(exported);
                    assertEquals(Set.of(), missing, "answered 200 by " + replica + " but not in the store");
                }
                AuditCommandsTest.Run verify = capture(() -> VerifyCommand.run(
                        List.of("--store", store.url(), "--public-key", publicKey.toString())));
                assertEquals(0, verify.exitCode(), verify.output());
                assertTrue(verify.output().contains("Stream a:\nDecision log: OK"), verify.output());
                assertTrue(verify.output().contains("Stream b:\nDecision log: OK"), verify.output());
            } finally {
                survivor.destroy();
                survivor.waitFor(30, TimeUnit.SECONDS);
                survivor.destroyForcibly();
            }
        }
    }

    private static Void decideUntilStopped(HttpClient client, URI replica, int offset, AtomicBoolean running,
                                           Set<String> answered) throws Exception {
        int i = offset;
        while (running.get()) {
            String body = Samples.BODIES.get(i++ % Samples.BODIES.size());
            try {
                HttpResponse<String> response = post(client, replica, "/v1/decide", body);
                if (response.statusCode() == 200) {
                    answered.add(Json.MAPPER.readTree(response.body()).get("decision_id").asText());
                }
            } catch (IOException killedMidRequest) {
                // The killed replica's connections fail from now on; they were never answered.
                Thread.sleep(20);
            }
        }
        return null;
    }

    private static void awaitAnswers(Set<String> answered, int count) throws Exception {
        Eventually.until(count + " decisions answered", Duration.ofSeconds(120), answered::size, n -> n >= count);
    }

    private static Set<String> exportedDecisionIds(String url) throws Exception {
        AuditCommandsTest.Run export = capture(() -> ExportCommand.run(List.of("--store", url)));
        assertEquals(0, export.exitCode(), export.output());
        Set<String> ids = new HashSet<>();
        for (String line : export.output().lines().toList()) {
            JsonNode record = Json.MAPPER.readTree(line);
            if ("decision".equals(record.path("type").asText())) {
                ids.add(record.get("decision_id").asText());
            }
        }
        return ids;
    }
}
