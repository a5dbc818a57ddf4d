package dev.tollgate.cli;

import dev.tollgate.Json;
import dev.tollgate.audit.ChainVerifier;
import dev.tollgate.audit.CheckedLine;
import dev.tollgate.audit.Checkpoint;
import dev.tollgate.audit.CheckpointFile;
import dev.tollgate.audit.CheckpointKey;
import dev.tollgate.audit.CheckpointReport;
import dev.tollgate.audit.CheckpointVerifier;
import dev.tollgate.audit.LinkageChecker;
import dev.tollgate.audit.LinkageReport;
import dev.tollgate.audit.LogFormatException;
import dev.tollgate.audit.LogLine;
import dev.tollgate.audit.PostgresCheckpoints;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.audit.StoreRecords;
import dev.tollgate.audit.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

@Command(name = "verify", description = {"Checks the decision log's hash chain and its signed checkpoints, then "
        + "how executions link to decisions (docs/audit.md). With --store, every replica's stream of the shared "
        + "store, each against its own checkpoints, and the linkage across them in time order.",
        "Exit 0 when sound (linkage warnings allowed), 1 naming the first broken or missing record, records cut off "
        + "the end, a recomputed chain or a forged checkpoint, 3 on a linkage error."})
final class VerifyCommand implements Callable<Integer> {
    static final int CHAIN_BROKEN = 1;
    static final int LINKAGE_ERRORS = 3;

    @Spec
    CommandSpec spec;
    @Mixin
    DataDirOption data;
    @Option(names = "--public-key", paramLabel = "FILE",
            description = "an auditor's copy of the checkpoint signing key (default: the one the service exported)")
    Path publicKey;
    @Option(names = "--checkpoints", paramLabel = "FILE",
            description = "a witness's copy of the signed checkpoints, checked against the log as well")
    Path checkpointCopy;
    @Option(names = "--store", paramLabel = "URL",
            description = "the shared store (postgresql://user:password@host:port/db) instead of a data directory")
    String store;
    @Mixin
    JsonOption output;

    /** As `tollgate verify ARGS` runs. */
    static int run(List<String> args) {
        return TollgateCli.run("verify", args);
    }

    @Override
    public Integer call() throws Exception {
        Optional<Path> witness = Optional.ofNullable(checkpointCopy);
        if (witness.isPresent() && !Files.isRegularFile(witness.get())) {
            throw new ParameterException(spec.commandLine(), "--checkpoints " + witness.get() + ": no such file");
        }
        long started = System.nanoTime();
        CheckpointVerifier.KeySource key = publicKey(Optional.ofNullable(publicKey));
        LinkageChecker linkage = new LinkageChecker();
        Map<String, Object> json = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        Checked checked = store == null ? dataDir(witness, key, linkage, json, text)
                : sharedStore(witness.map(this::witnessCopy), key, linkage, json, text);
        LinkageReport links = linkage.finish(checked.intact());
        Speed speed = Speed.since(started, checked.records(), "records");
        json.put("linkage", links);
        json.put("speed", speed);
        if (output.json) {
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            System.out.print(text.append(links.render()).append(speed.render()));
        }
        if (!checked.intact()) {
            return CHAIN_BROKEN;
        }
        return links.ok() ? 0 : LINKAGE_ERRORS;
    }

    /** Whether every chain and checkpoint held, over how many records. */
    private record Checked(boolean intact, long records) {
    }

    private Checked dataDir(Optional<Path> witness, CheckpointVerifier.KeySource key, LinkageChecker linkage,
                            Map<String, Object> json, StringBuilder text) throws IOException {
        Path data = this.data.dir;
        CheckpointVerifier checkpoints = CheckpointVerifier.of(data.resolve(CheckpointFile.NAME), witness, key);
        VerifyReport chain = new ChainVerifier().verify(data.resolve("log"), linkage.andThen(checkpoints));
        CheckpointReport signed = checkpoints.finish(chain.ok());
        json.put("chain", chain);
        json.put("checkpoints", signed);
        text.append(chain.render()).append(signed.render());
        return new Checked(chain.ok() && signed.ok(), chain.recordsChecked());
    }

    private Checked sharedStore(Optional<CheckpointVerifier.Witness> witness, CheckpointVerifier.KeySource key,
                                LinkageChecker linkage, Map<String, Object> json, StringBuilder text) throws Exception {
        boolean intact = true;
        long records = 0;
        try (PostgresStore shared = PostgresStore.connect(store)) {
            DataSource db = shared.dataSource();
            List<Checkpoint> signed = new PostgresCheckpoints(db).all();
            Map<String, Object> streams = new LinkedHashMap<>();
            // A stream the witness saw is checked even when the store lost every trace of it.
            Set<String> streamIds = new TreeSet<>(StoreRecords.streams(db));
            witness.ifPresent(copy -> streamIds.addAll(copy.streams()));
            for (String stream : streamIds) {
                CheckpointVerifier checkpoints = CheckpointVerifier.ofStream(stream, signed, witness, key);
                VerifyReport chain;
                try (StoreRecords rows = StoreRecords.stream(db, stream)) {
                    chain = new ChainVerifier().verify(rows, checkpoints);
                }
                CheckpointReport report = checkpoints.finish(chain.ok());
                intact &= chain.ok() && report.ok();
                records += chain.recordsChecked();
                streams.put(stream, Map.of("chain", chain, "checkpoints", report));
                text.append("Stream ").append(stream).append(":\n").append(chain.render()).append(report.render());
            }
            json.put("streams", streams);
            // Linkage crosses streams: a decision made on one replica may be executed on another.
            try (StoreRecords all = StoreRecords.all(db, Instant.MIN, Instant.MAX)) {
                all.forEachRemaining(entry -> linkage.accept(CheckedLine.check(LogLine.of(entry))));
            }
        }
        return new Checked(intact, records);
    }

    /** A witness's copy for the shared store: one that cannot be read is a usage error. */
    private CheckpointVerifier.Witness witnessCopy(Path file) {
        try {
            return CheckpointVerifier.Witness.read(file);
        } catch (IOException | LogFormatException e) {
            throw new ParameterException(spec.commandLine(), "--checkpoints: " + e.getMessage());
        }
    }

    /** The auditor's copy when given, else the one the service exported beside its signing key. */
    private CheckpointVerifier.KeySource publicKey(Optional<Path> given) {
        Path file = given.orElseGet(() -> CheckpointKey.publicKeyFile(CheckpointKey.file("", System::getenv)));
        if (given.isEmpty() && !Files.exists(file)) {
            return new CheckpointVerifier.KeySource(Optional.empty(), "none exported at " + file);
        }
        try {
            PublicKey key = CheckpointKey.readPublicKey(file);
            return new CheckpointVerifier.KeySource(Optional.of(key), CheckpointKey.keyId(key) + " from " + file
                    + (given.isPresent() ? "" : " (no --public-key: the one exported beside the default key file)"));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--public-key: " + e.getMessage());
        }
    }
}
