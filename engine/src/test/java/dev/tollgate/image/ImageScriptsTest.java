package dev.tollgate.image;

import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.testing.OpaServer;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.tollgate.testing.ServiceProcess.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image's entry point and health check (docker/entrypoint.sh, docker/healthcheck.sh), run outside Docker with
 * the environment the Dockerfile sets pointed at a temporary data directory.
 */
class ImageScriptsTest {
    private static final Path DOCKER = TestService.ROOT.resolve("docker");

    @TempDir
    Path data;

    @Test
    void theEntrypointServesUntilStoppedAndTheHealthcheckSeesItReady() throws Exception {
        int port = freePort();
        assertNotEquals(0, healthcheck(port), "nothing listens yet");

        ProcessBuilder entrypoint = new ProcessBuilder(DOCKER.resolve("entrypoint.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("service.out").toFile()));
        Map<String, String> env = entrypoint.environment();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        env.put("TOLLGATE_CLASSPATH", System.getProperty("java.class.path"));
        env.put("JAVA_OPTS", "-XX:+UseSerialGC -Xmx256m");
        env.put("TOLLGATE_HOST", "127.0.0.1");
        env.put("TOLLGATE_PORT", Integer.toString(port));
        env.put("TOLLGATE_DATA_DIR", data.resolve("state").toString());
        env.put("TOLLGATE_POLICIES_DIR", TestService.POLICIES.toString());
        env.put("TOLLGATE_REGO_DIR", TestService.REGO_BUNDLE.toString());
        env.put("TOLLGATE_OPA", OpaServer.binary().path().toString());
        env.put("TOLLGATE_NER_MODEL", NerModelCache.modelFile(TestService.ROOT).toString());
        env.put("TOLLGATE_CLASSIFIER_CACHE", data.resolve("classifiers").toString());
        env.put("TOLLGATE_SLM_MODEL", "");
        env.remove("TOLLGATE_PRESIDIO_URL");
        Process service = entrypoint.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            int health;
            while ((health = healthcheck(port)) != 0 && service.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(0, health, "the health check never passed; the service said: " + output());
            assertTrue(output().contains("Tollgate listening on 127.0.0.1 port " + port), output());
            assertFalse(output().contains("sun.misc.Unsafe"), "the JDK's warning about XStream: " + output());
            // The entry point execs the JVM: JAVA_OPTS are among the arguments of the process it started.
            List<String> arguments = List.of(Files.readString(Path.of("/proc", Long.toString(service.pid()),
                    "cmdline")).split("\0"));
            assertTrue(arguments.contains("-Xmx256m"), arguments.toString());
        } finally {
            service.destroy();
            assertTrue(service.waitFor(60, TimeUnit.SECONDS), "the service did not stop on SIGTERM");
        }
        assertNotEquals(0, healthcheck(port), "stopped");
    }

    @Test
    void theHealthcheckAsksReadinessOverHttp11AndFailsOnAnythingButOk() throws Exception {
        for (String status : List.of("200 OK", "503 Service Unavailable", "505 HTTP Version Not Supported")) {
            try (ServerSocket server = new ServerSocket(0)) {
                CompletableFuture<List<String>> request = CompletableFuture.supplyAsync(() -> answer(server, status));
                int exit = healthcheck(server.getLocalPort());
                List<String> head = request.get(30, TimeUnit.SECONDS);
                assertEquals("GET /health/ready HTTP/1.1", head.getFirst());
                assertTrue(head.contains("Host: 127.0.0.1"), head.toString());
                assertEquals(status.startsWith("200") ? 0 : 1, exit, status);
            }
        }
    }

    /** Reads one request head and answers it with the status line given. */
    private static List<String> answer(ServerSocket server, String status) {
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return head;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int healthcheck(int port) throws IOException, InterruptedException {
        ProcessBuilder check = new ProcessBuilder(DOCKER.resolve("healthcheck.sh").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        check.environment().put("TOLLGATE_HOST", "0.0.0.0");
        check.environment().put("TOLLGATE_PORT", Integer.toString(port));
        Process process = check.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the health check hung");
        return process.exitValue();
    }

    private String output() throws IOException {
        return Files.readString(data.resolve("service.out"));
    }
}
