package dev.tollgate.cli;

import dev.tollgate.audit.ChainVerifier;
import dev.tollgate.audit.VerifyReport;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Checks the decision log's hash chain. Exit 0 when intact, 1 when broken. */
final class VerifyCommand {
    private VerifyCommand() {
    }

    static int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--data-dir"), Set.of());
        Path logDir = Path.of(args.get("--data-dir").orElse("data")).resolve("log");
        VerifyReport report = new ChainVerifier().verify(logDir);
        System.out.print(report.render());
        return report.ok() ? 0 : 1;
    }
}
