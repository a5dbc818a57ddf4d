package dev.tollgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Presidio analyzer for tests: the one named by the environment variable TOLLGATE_PRESIDIO_URL, or else
 * docker/presidio started once per test JVM by scripts/presidio.sh on a free loopback port and stopped when the
 * JVM exits. The first start on a fresh machine installs the venv (about half a minute with a warm pip cache).
 */
public final class PresidioServer {
    public static final String URL_VARIABLE = "TOLLGATE_PRESIDIO_URL";
    private static final Path ROOT = Path.of(System.getProperty("tollgate.root", "..")).toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("scripts/presidio.sh");
    private static final long START_TIMEOUT_MINUTES = 15;
    private static URI url;

    private PresidioServer() {
    }

    /** The analyzer's base URL, starting it on first use. */
    public static synchronized URI url() {
        if (url == null) {
            String configured = System.getenv(URL_VARIABLE);
            url = configured != null && !configured.isBlank() ? URI.create(configured.strip()) : start();
        }
        return url;
    }

    private static URI start() {
        int port = ServiceProcess.freePort();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run("stop", port, 1)));
        run("start", port, START_TIMEOUT_MINUTES);
        return URI.create("http://127.0.0.1:" + port);
    }

    private static void run(String command, int port, long timeoutMinutes) {
        try {
            Path log = Files.createTempFile("presidio-" + command, ".log");
            Process process = new ProcessBuilder("bash", SCRIPT.toString(), command, Integer.toString(port))
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("scripts/presidio.sh " + command + " took over " + timeoutMinutes + " min");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("scripts/presidio.sh " + command + " " + port + " failed:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running scripts/presidio.sh " + command, e);
        }
    }
}
