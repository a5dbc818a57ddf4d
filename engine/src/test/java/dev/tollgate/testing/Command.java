package dev.tollgate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run to its end in the repository root: its exit code and what it printed (both streams). */
public record Command(int exit, String output) {
    public static Command run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    public static Command run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(TestService.ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("still running after 300 s: " + command);
        }
        return new Command(process.exitValue(), output);
    }

    /** The bin directory of the lint venv (openapi-spec-validator, hadolint) that scripts/lint-tools.sh installs. */
    public static Path lintTools() throws IOException, InterruptedException {
        Command install = run(List.of("bash", TestService.ROOT.resolve("scripts/lint-tools.sh").toString()));
        if (install.exit() != 0) {
            throw new IllegalStateException("scripts/lint-tools.sh failed: " + install.output());
        }
        return Path.of(install.output().strip().lines().reduce((first, last) -> last).orElseThrow());
    }
}
