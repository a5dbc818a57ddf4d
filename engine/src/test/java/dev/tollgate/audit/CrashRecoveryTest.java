package dev.tollgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static dev.tollgate.testing.ServiceProcess.awaitReady;
import static dev.tollgate.testing.ServiceProcess.freePort;
import static dev.tollgate.testing.ServiceProcess.post;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the service with SIGKILL in the middle of concurrent decisions, and of concurrent executions: the log
 * must still verify, every decision and execution that was answered must be in it ("logged before answered"),
 * and a token used before the crash stays used after the restart.
 */
class CrashRecoveryTest {
    @TempDir
    Path data;

    private Process serve(int port) throws IOException {
        return ServiceProcess.serve(port, data, List.of(), Map.of());
    }

    @Test
    void everyAnsweredDecisionSurvivesKillDashNine() throws Exception {
        int port = freePort();
        Process service = serve(port);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = URI.create("http://127.0.0.1:" + port);
        awaitReady(client, base, service);

        Set<String> answered = ConcurrentHashMap.newKeySet();
        // What the requests that were not answered 200 got instead, for the failure message.
        Map<String, Integer> otherwise = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 8; w++) {
                int offset = w;
                workers.submit(() -> {
                    int i = offset;
                    while (running.get()) {
                        String body = Samples.BODIES.get(i++ % Samples.BODIES.size());
                        try {
                            HttpResponse<String> response = post(client, base, "/v1/decide", body);
                            if (response.statusCode() == 200) {
                                answered.add(Json.MAPPER.readTree(response.body()).get("decision_id").asText());
                            } else {
                                otherwise.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                            }
                        } catch (IOException e) {
                            // Before the kill a refused or reset connection is retried; after it, the loop ends.
                            otherwise.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                            continue;
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
        assertTrue(answered.size() >= 200, "too few decisions before the kill: " + answered.size() + "; otherwise "
                + otherwise + "; the service's output ends:\n" + tail(data.resolve("service.out"), 40));

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

    @Test
    void everyAnsweredExecutionSurvivesKillDashNineAndItsTokenStaysUsed() throws Exception {
        int port = freePort();
        Process service = serve(port);
        HttpClient client = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + port);
        awaitReady(client, base, service);

        Map<String, String> executed = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 3; w++) {
                workers.submit(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> decided = post(client, base, "/v1/decide", FAQ);
                            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(FAQ);
                            body.put("token", Json.MAPPER.readTree(decided.body()).get("token").asText());
                            body.put("max_tokens", 8);
                            String execute = Json.MAPPER.writeValueAsString(body);
                            HttpResponse<String> response = post(client, base, "/v1/execute", execute);
                            if (response.statusCode() == 200) {
                                executed.put(Json.MAPPER.readTree(response.body()).get("decision_id").asText(), execute);
                            }
                        } catch (IOException e) {
                            // Before the kill a refused or reset connection is retried; after it, the loop ends.
                            continue;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (executed.size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            service.destroyForcibly();
            service.waitFor();
            running.set(false);
        }
        assertEquals(137, service.exitValue(), "the service must have died of SIGKILL");
        assertTrue(executed.size() >= 6, "too few executions before the kill: " + executed.size());

        LinkageChecker linkage = new LinkageChecker();
        VerifyReport chain = new ChainVerifier().verify(data.resolve("log"), linkage);
        assertTrue(chain.ok(), chain.render());
        LinkageReport links = linkage.finish(true);
        assertTrue(links.ok(), "executions cut by the kill may lack an outcome, nothing else: " + links.render());
        Set<String> completed = new HashSet<>();
        for (JsonNode execution : LoggedRecords.ofType(data.resolve("log"), "execution")) {
            if ("completed".equals(execution.path("status").asText())) {
                completed.add(execution.get("decision_id").asText());
            }
        }
        Set<String> missing = new HashSet<>(executed.keySet());
        missing.removeAll(completed);
        assertEquals(Set.of(), missing, "answered but not in the log");

        int again = freePort();
        Process restarted = serve(again);
        try {
            URI restartedBase = URI.create("http://127.0.0.1:" + again);
            awaitReady(client, restartedBase, restarted);
            String reused = executed.values().iterator().next();
            HttpResponse<String> refused = post(client, restartedBase, "/v1/execute", reused);
            assertEquals(409, refused.statusCode(), "a token stays used across a crash: " + refused.body());
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor();
        }
    }

    private static final String FAQ = """
            {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "When do you open?"}]}}""";

    private static Set<String> loggedDecisionIds(Path logDir) {
        Set<String> ids = new HashSet<>();
        for (JsonNode json : LoggedRecords.json(logDir)) {
            if (json.has("decision_id")) {
                ids.add(json.get("decision_id").asText());
            }
        }
        return ids;
    }

    private static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
