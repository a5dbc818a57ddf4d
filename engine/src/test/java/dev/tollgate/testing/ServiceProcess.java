package dev.tollgate.testing;

import dev.tollgate.pii.ner.NerModelCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tollgate serve} as a process of its own, so that a test can kill it: on the test's class path, with the
 * on-device model for executions, its output appended to service.out in its data directory.
 */
public final class ServiceProcess {
    private ServiceProcess() {
    }

    /** Starts serve on port with data, followed by options, under the test's environment laid over with env. */
    public static Process serve(int port, Path data, List<String> options, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.tollgate.cli.TollgateCli", "serve", "--port", Integer.toString(port),
                "--data-dir", data.toString(), "--policies", TestService.POLICIES.toString(),
                "--slm-model", TestService.slmModel()));
        command.addAll(options);
        ProcessBuilder serve = new ProcessBuilder(command);
        serve.environment().put("TOLLGATE_REGO_DIR", TestService.REGO_BUNDLE.toString());
        serve.environment().put("TOLLGATE_NER_MODEL", NerModelCache.modelFile(TestService.ROOT).toString());
        serve.environment().put("TOLLGATE_OPA", OpaServer.binary().path().toString());
        serve.environment().putAll(env);
        return serve.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("service.out").toFile()))
                .start();
    }

    /** Waits (with a generous bound, not a speed assertion) until the service at base answers ready. */
    public static void awaitReady(HttpClient client, URI base, Process service) throws Exception {
        Eventually.until("the service at " + base + " ready", Duration.ofSeconds(90), () -> {
            assertTrue(service.isAlive(), "the service exited during start-up");
            return client.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }, status -> status == 200);
    }

    /** Posts a JSON body to path on the service at base, with the claims assistant's API key. */
    public static HttpResponse<String> post(HttpClient client, URI base, String path, String body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + TestService.CLAIMS_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A port nothing listens on now: for a server a test starts, or for one whose absence it wants. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
