package dev.tollgate.cli;

import picocli.CommandLine.Option;

/** --json of the commands whose report a program may read. */
final class JsonOption {
    @Option(names = "--json", description = "print the report as JSON")
    boolean json;
}
