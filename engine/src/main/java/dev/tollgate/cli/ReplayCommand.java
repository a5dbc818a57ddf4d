package dev.tollgate.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.replay.ReplayReport;
import dev.tollgate.replay.Replayer;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PolicyCompiler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-evaluates logged decisions. Without a candidate: under the recorded versions, exit 1 on any mismatch (a
 * difference in a decision recorded under another combiner version is reported as changed by logic, exit 0).
 * With --candidate DIR (Drools packs) and/or --candidate-rego DIR (an OPA bundle): those in place of the
 * recorded versions of their engine, reporting what would change (exit 0).
 */
final class ReplayCommand {
    private ReplayCommand() {
    }

    static int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--data-dir", "--candidate", "--candidate-rego"), Set.of("--json"));
        long started = System.nanoTime();
        Path data = Path.of(args.get("--data-dir").orElse("data"));
        Map<String, PolicyCompiler> compilers = PolicyEngines.replayCompilers();
        Replayer replayer = new Replayer(new PolicyStore(data.resolve("policy-store")), compilers);
        boolean candidate = args.get("--candidate").isPresent() || args.get("--candidate-rego").isPresent();
        ReplayReport report;
        try {
            List<CompiledPolicy> candidates = new ArrayList<>();
            if (args.get("--candidate").isPresent()) {
                candidates.add(compilers.get(PolicyEngines.DROOLS.engine()).compile(Path.of(args.get("--candidate").get())));
            }
            if (args.get("--candidate-rego").isPresent()) {
                candidates.add(compilers.get(PolicyEngines.REGO_WASM.engine())
                        .compile(Path.of(args.get("--candidate-rego").get())));
            }
            report = ReplayReport.of(replayer.replay(data.resolve("log"), candidates));
        } catch (PolicyLoadException e) {
            System.err.println("tollgate: policy could not be compiled:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 3;
        }
        Speed speed = Speed.since(started, report.decisions(), "decisions");
        if (args.has("--json")) {
            ObjectNode json = Json.MAPPER.valueToTree(report);
            json.set("speed", Json.MAPPER.valueToTree(speed));
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            System.out.print(report.render(candidate) + speed.render());
        }
        return candidate || report.mismatches() == 0 ? 0 : 1;
    }
}
