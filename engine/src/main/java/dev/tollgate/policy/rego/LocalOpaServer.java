package dev.tollgate.policy.rego;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OPA server started by Tollgate ({@code tollgate policy test}, the tests): {@code opa run --server} on a free
 * loopback port serving one bundle directory, with decision logging on (so answers carry a decision_id). Its
 * output, which holds every decision's input, is discarded. Close it to stop the process.
 */
public final class LocalOpaServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final URI url;

    private LocalOpaServer(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Starts OPA serving the bundle and waits until /health answers 200. */
    public static LocalOpaServer start(OpaBinary binary, Path bundleDir) {
        int port = freePort();
        URI url = URI.create("http://127.0.0.1:" + port);
        List<String> command = List.of(binary.path().toString(), "run", "--server",
                "--addr", "127.0.0.1:" + port, "--bundle", bundleDir.toAbsolutePath().toString(),
                "--set", "decision_logs.console=true");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start opa", e);
        }
        LocalOpaServer server = new LocalOpaServer(process, url);
        try {
            server.awaitHealthy();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(url.resolve("/health")).timeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("opa exited with " + process.exitValue() + " before it was healthy");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("opa at " + url + " not healthy within " + STARTUP);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
