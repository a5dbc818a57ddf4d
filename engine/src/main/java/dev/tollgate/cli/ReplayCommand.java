package dev.tollgate.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.audit.PostgresPolicyStore;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.replay.ReplayReport;
import dev.tollgate.replay.Replayer;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PolicyCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "replay", description = {"Re-decides every logged decision under the policy versions recorded in "
        + "it: exit 1 on any mismatch (a difference in a decision recorded under another combiner version is reported "
        + "as changed by logic, exit 0).",
        "With --store, every replica's stream of the shared store.",
        "With --candidate and/or --candidate-rego: those policies in place of the recorded versions of their engine, "
        + "reporting what would change (exit 0). Exit 3 when a candidate does not compile."})
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;
    @Option(names = "--candidate", paramLabel = "DIR", description = "candidate Drools packs")
    Path droolsCandidate;
    @Option(names = "--candidate-rego", paramLabel = "DIR", description = "a candidate OPA bundle")
    Path regoCandidate;
    @Option(names = "--store", paramLabel = "URL", description = "the shared store "
            + "(postgresql://user:password@host:port/db): every replica's decisions in time order under the policy "
            + "versions the replicas stored there")
    String store;
    @Mixin
    JsonOption output;

    /** As `tollgate replay ARGS` runs. */
    static int run(List<String> args) {
        return TollgateCli.run("replay", args);
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Path data = this.data.dir;
        Map<String, PolicyCompiler> compilers = PolicyEngines.replayCompilers();
        Path copiedVersions = store == null ? null : Files.createTempDirectory("tollgate-replay-policies");
        try {
            PolicyStore versions = new PolicyStore(store == null ? data.resolve("policy-store") : copiedVersions);
            if (store != null) {
                try (PostgresStore shared = PostgresStore.connect(store)) {
                    new PostgresPolicyStore(shared.dataSource(), null, Clock.systemUTC()).copyAllTo(versions);
                }
            }
            return replay(new Replayer(versions, compilers), compilers, started);
        } finally {
            if (copiedVersions != null) {
                PolicyStore.deleteRecursively(copiedVersions);
            }
        }
    }

    private int replay(Replayer replayer, Map<String, PolicyCompiler> compilers, long started) throws Exception {
        Path data = this.data.dir;
        boolean candidate = droolsCandidate != null || regoCandidate != null;
        ReplayReport report;
        try {
            List<CompiledPolicy> candidates = new ArrayList<>();
            if (droolsCandidate != null) {
                candidates.add(compilers.get(PolicyEngines.DROOLS.engine()).compile(droolsCandidate));
            }
            if (regoCandidate != null) {
                candidates.add(compilers.get(PolicyEngines.REGO_WASM.engine()).compile(regoCandidate));
            }
            try (LogRecords records = store == null ? LogRecords.of(data.resolve("log"))
                    : LogRecords.of(store, Instant.MIN, Instant.MAX)) {
                report = ReplayReport.of(replayer.replay(records.entries(), candidates));
            }
        } catch (PolicyLoadException e) {
            System.err.println("tollgate: policy could not be compiled:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 3;
        }
        Speed speed = Speed.since(started, report.decisions(), "decisions");
        if (output.json) {
            ObjectNode json = Json.MAPPER.valueToTree(report);
            json.set("speed", Json.MAPPER.valueToTree(speed));
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            System.out.print(report.render(candidate) + speed.render());
        }
        return candidate || report.mismatches() == 0 ? 0 : 1;
    }
}
