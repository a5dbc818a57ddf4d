package dev.tollgate.cli;

import dev.tollgate.Json;
import dev.tollgate.audit.ChainVerifier;
import dev.tollgate.audit.CheckedLine;
import dev.tollgate.audit.LogLine;
import dev.tollgate.audit.Checkpoint;
import dev.tollgate.audit.CheckpointFile;
import dev.tollgate.audit.CheckpointKey;
import dev.tollgate.audit.CheckpointReport;
import dev.tollgate.audit.CheckpointVerifier;
import dev.tollgate.audit.LinkageChecker;
import dev.tollgate.audit.LinkageReport;
import dev.tollgate.audit.PostgresCheckpoints;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.audit.StoreRecords;
import dev.tollgate.audit.VerifyReport;

import javax.sql.DataSource;
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

/**
 * Checks the decision log: its hash chain and its signed checkpoints, then how execution records link to decisions
 * (docs/audit.md). With {@code --store URL}, every replica's stream of the shared store, each against its own
 * checkpoints, and the linkage across them in time order. Exit 0 when all are sound (linkage warnings allowed), 1 when the chain is broken or a checkpoint
 * is forged or contradicts the log, 3 when the log is intact but the linkage has errors.
 */
final class VerifyCommand {
    static final int CHAIN_BROKEN = 1;
    static final int LINKAGE_ERRORS = 3;

    private VerifyCommand() {
    }

    static int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--data-dir", "--store", "--public-key", "--checkpoints"), Set.of("--json"));
        Optional<Path> witness = args.get("--checkpoints").map(Path::of);
        if (witness.isPresent() && !Files.isRegularFile(witness.get())) {
            throw new Args.UsageException("--checkpoints " + witness.get() + ": no such file");
        }
        if (witness.isPresent() && args.has("--store")) {
            throw new Args.UsageException("--checkpoints is for a data directory; the store's checkpoints are in it");
        }
        long started = System.nanoTime();
        CheckpointVerifier.KeySource key = publicKey(args.get("--public-key").map(Path::of));
        LinkageChecker linkage = new LinkageChecker();
        Map<String, Object> json = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        boolean intact = true;
        long records = 0;
        if (args.get("--store").isPresent()) {
            try (PostgresStore store = PostgresStore.connect(args.get("--store").get())) {
                DataSource db = store.dataSource();
                List<Checkpoint> signed = new PostgresCheckpoints(db).all();
                Map<String, Object> streams = new LinkedHashMap<>();
                for (String stream : StoreRecords.streams(db)) {
                    CheckpointVerifier checkpoints = CheckpointVerifier.ofStream(stream, signed, key);
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
        } else {
            Path data = Path.of(args.get("--data-dir").orElse("data"));
            CheckpointVerifier checkpoints = CheckpointVerifier.of(data.resolve(CheckpointFile.NAME), witness, key);
            VerifyReport chain = new ChainVerifier().verify(data.resolve("log"), linkage.andThen(checkpoints));
            CheckpointReport signed = checkpoints.finish(chain.ok());
            intact = chain.ok() && signed.ok();
            records = chain.recordsChecked();
            json.put("chain", chain);
            json.put("checkpoints", signed);
            text.append(chain.render()).append(signed.render());
        }
        LinkageReport links = linkage.finish(intact);
        Speed speed = Speed.since(started, records, "records");
        json.put("linkage", links);
        json.put("speed", speed);
        if (args.has("--json")) {
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            System.out.print(text.append(links.render()).append(speed.render()));
        }
        if (!intact) {
            return CHAIN_BROKEN;
        }
        return links.ok() ? 0 : LINKAGE_ERRORS;
    }

    /** The auditor's copy when given, else the one the service exported beside its signing key. */
    private static CheckpointVerifier.KeySource publicKey(Optional<Path> given) {
        Path file = given.orElseGet(() -> CheckpointKey.publicKeyFile(CheckpointKey.file("", System::getenv)));
        if (given.isEmpty() && !Files.exists(file)) {
            return new CheckpointVerifier.KeySource(Optional.empty(), "none exported at " + file);
        }
        try {
            PublicKey key = CheckpointKey.readPublicKey(file);
            return new CheckpointVerifier.KeySource(Optional.of(key), CheckpointKey.keyId(key) + " from " + file);
        } catch (IOException e) {
            throw new Args.UsageException("--public-key: " + e.getMessage());
        }
    }
}
