package dev.tollgate.policy.rego;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The OPA command-line binary: {@code tollgate.opa} system property, else the {@code TOLLGATE_OPA}
 * environment variable, else {@code <tollgate.root>/.cache/bin/opa} where scripts/opa.sh installs the
 * pinned version.
 */
public record OpaBinary(Path path) {
    public static final String PROPERTY = "tollgate.opa";
    public static final String ENVIRONMENT = "TOLLGATE_OPA";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What a finished run printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static OpaBinary locate() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        Path path = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("tollgate.root", ".")).resolve(".cache/bin/opa");
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("OPA binary not found at " + path.toAbsolutePath().normalize()
                    + "; install it with scripts/opa.sh or set " + ENVIRONMENT);
        }
        return new OpaBinary(path.toAbsolutePath().normalize());
    }

    /** What {@code opa version} prints: the version and build of the binary. */
    public String version() {
        Result result = run(Path.of("."), List.of("version"));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("opa version failed: " + result.stderr());
        }
        return result.stdout();
    }

    /** Runs opa with these arguments in the working directory and waits for it to finish. */
    public Result run(Path workingDir, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(path.toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).directory(workingDir.toFile()).start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("opa " + arguments.getFirst() + " did not finish within " + TIMEOUT);
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running opa", e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
