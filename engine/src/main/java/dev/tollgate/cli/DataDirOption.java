package dev.tollgate.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --data-dir of the commands that read what a service wrote. */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "the service's data directory (default: ${DEFAULT-VALUE})")
    Path dir;

    Path log() {
        return dir.resolve("log");
    }
}
