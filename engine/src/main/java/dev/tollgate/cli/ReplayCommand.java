package dev.tollgate.cli;

import dev.tollgate.Json;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.audit.ReplayReport;
import dev.tollgate.audit.Replayer;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.drools.DroolsPolicyCompiler;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-evaluates logged decisions. Without --candidate: under the recorded versions, exit 1 on any mismatch.
 * With --candidate DIR: under that Drools policy directory, reporting what would change (exit 0).
 */
final class ReplayCommand {
    private ReplayCommand() {
    }

    static int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--data-dir", "--candidate"), Set.of("--json"));
        Path data = Path.of(args.get("--data-dir").orElse("data"));
        DroolsPolicyCompiler drools = new DroolsPolicyCompiler();
        Replayer replayer = new Replayer(new PolicyStore(data.resolve("policy-store")), Map.of("drools", drools));
        ReplayReport report;
        try {
            List<Replayer.Replayed> replayed = args.get("--candidate").isPresent()
                    ? replayer.replay(data.resolve("log"), List.of(drools.compile(Path.of(args.get("--candidate").get()))))
                    : replayer.replay(data.resolve("log"));
            report = ReplayReport.of(replayed);
        } catch (PolicyLoadException e) {
            System.err.println("tollgate: policy could not be compiled:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 3;
        }
        boolean candidate = args.get("--candidate").isPresent();
        System.out.print(args.has("--json") ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n"
                : report.render(candidate));
        return candidate || report.mismatches() == 0 ? 0 : 1;
    }
}
