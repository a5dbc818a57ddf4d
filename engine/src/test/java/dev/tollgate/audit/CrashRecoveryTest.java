package dev.tollgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.testing.OpaServer;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the service with SIGKILL in the middle of concurrent decisions: the log must still verify, and
 * every decision that was answered must be in it ("logged before answered").
 */
class CrashRecoveryTest {
    @TempDir
    Path data;

    @Test
    void everyAnsweredDecisionSurvivesKillDashNine() throws Exception {
        int port = freePort();
        ProcessBuilder serve = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.tollgate.cli.TollgateCli", "serve", "--port", Integer.toString(port),
                "--data-dir", data.toString(), "--policies", TestService.POLICIES.toString());
        serve.environment().put("TOLLGATE_REGO_DIR", TestService.REGO_BUNDLE.toString());
        serve.environment().put("TOLLGATE_NER_MODEL", NerModelCache.modelFile(TestService.ROOT).toString());
        serve.environment().put("TOLLGATE_OPA", OpaServer.binary().path().toString());
        Process service = serve
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("service.out").toFile())
                .start();
        HttpClient client = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + port);
        awaitReady(client, base, service);

        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 8; w++) {
                int offset = w;
                workers.submit(() -> {
                    int i = offset;
                    while (running.get()) {
                        String body = Samples.BODIES.get(i++ % Samples.BODIES.size());
                        try {
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/v1/decide"))
                                    .header("Authorization", "Bearer " + TestService.CLAIMS_KEY)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                answered.add(Json.MAPPER.readTree(response.body()).get("decision_id").asText());
                            }
                        } catch (IOException e) {
                            return;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            // Kill in full flight: once enough decisions were answered that batches are being committed.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (answered.size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            service.destroyForcibly();
            service.waitFor();
            running.set(false);
        }
        assertEquals(137, service.exitValue(), "the service must have died of SIGKILL");
        assertTrue(answered.size() >= 200, "too few decisions before the kill: " + answered.size());

        VerifyReport report = new ChainVerifier().verify(data.resolve("log"));
        assertTrue(report.ok(), report.render());
        Set<String> logged = loggedDecisionIds(data.resolve("log"));
        Set<String> missing = new HashSet<>(answered);
        missing.removeAll(logged);
        assertEquals(Set.of(), missing, "answered but not in the log");

        try (DecisionLog reopened = DecisionLog.open(data.resolve("log"), 64 << 20, Clock.systemUTC())) {
            reopened.append(Json.MAPPER.createObjectNode().put("type", "test")).join();
        }
        assertTrue(new ChainVerifier().verify(data.resolve("log")).ok(), "the chain continues after recovery");
    }

    private static Set<String> loggedDecisionIds(Path logDir) throws IOException {
        Set<String> ids = new HashSet<>();
        try (LogReader reader = LogReader.open(logDir)) {
            while (reader.hasNext()) {
                JsonNode json = reader.next().json();
                if (json.has("decision_id")) {
                    ids.add(json.get("decision_id").asText());
                }
            }
        }
        return ids;
    }

    private static void awaitReady(HttpClient client, URI base, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "the service exited during start-up");
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the service did not become ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
