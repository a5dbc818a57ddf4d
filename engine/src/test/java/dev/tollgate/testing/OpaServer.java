package dev.tollgate.testing;

import dev.tollgate.policy.rego.LocalOpaServer;
import dev.tollgate.policy.rego.OpaBinary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The opa binary and the repository the tests use, and a real OPA server on that binary. */
public final class OpaServer {
    private OpaServer() {
    }

    /** Starts OPA serving the bundle and waits until /health answers 200. */
    public static LocalOpaServer start(Path bundleDir) {
        return LocalOpaServer.start(binary(), bundleDir);
    }

    /**
     * The pinned opa binary: {@link OpaBinary#locate()} when TOLLGATE_OPA or tollgate.opa names one, else
     * the one scripts/opa.sh prints, installing it on first use.
     */
    public static synchronized OpaBinary binary() {
        if (System.getProperty(OpaBinary.PROPERTY) != null || System.getenv(OpaBinary.ENVIRONMENT) != null) {
            return OpaBinary.locate();
        }
        Path script = root().resolve("scripts/opa.sh");
        try {
            Process install = new ProcessBuilder(script.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String path = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!install.waitFor(20, TimeUnit.MINUTES) || install.exitValue() != 0) {
                throw new IllegalStateException(script + " failed to provide opa");
            }
            return new OpaBinary(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository root (the tollgate.root system property the build sets). */
    public static Path root() {
        return Path.of(System.getProperty("tollgate.root", "..")).toAbsolutePath().normalize();
    }
}
