package dev.tollgate.cli;

import dev.tollgate.Json;
import dev.tollgate.audit.ChainVerifier;
import dev.tollgate.audit.CheckpointFile;
import dev.tollgate.audit.CheckpointKey;
import dev.tollgate.audit.CheckpointReport;
import dev.tollgate.audit.CheckpointVerifier;
import dev.tollgate.audit.LinkageChecker;
import dev.tollgate.audit.LinkageReport;
import dev.tollgate.audit.VerifyReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the decision log: its hash chain and its signed checkpoints, then how execution records link to decisions
 * (docs/audit.md). Exit 0 when all are sound (linkage warnings allowed), 1 when the chain is broken or a checkpoint
 * is forged or contradicts the log, 3 when the log is intact but the linkage has errors.
 */
final class VerifyCommand {
    static final int CHAIN_BROKEN = 1;
    static final int LINKAGE_ERRORS = 3;

    private VerifyCommand() {
    }

    static int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--data-dir", "--public-key", "--checkpoints"), Set.of("--json"));
        Path data = Path.of(args.get("--data-dir").orElse("data"));
        Optional<Path> witness = args.get("--checkpoints").map(Path::of);
        if (witness.isPresent() && !Files.isRegularFile(witness.get())) {
            throw new Args.UsageException("--checkpoints " + witness.get() + ": no such file");
        }
        long started = System.nanoTime();
        LinkageChecker linkage = new LinkageChecker();
        CheckpointVerifier checkpoints = CheckpointVerifier.of(data.resolve(CheckpointFile.NAME), witness,
                publicKey(args.get("--public-key").map(Path::of)));
        VerifyReport chain = new ChainVerifier().verify(data.resolve("log"), linkage.andThen(checkpoints));
        LinkageReport links = linkage.finish(chain.ok());
        CheckpointReport signed = checkpoints.finish(chain.ok());
        Speed speed = Speed.since(started, chain.recordsChecked(), "records");
        if (args.has("--json")) {
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                    Map.of("chain", chain, "checkpoints", signed, "linkage", links, "speed", speed)));
        } else {
            System.out.print(chain.render());
            System.out.print(signed.render());
            System.out.print(links.render());
            System.out.print(speed.render());
        }
        if (!chain.ok() || !signed.ok()) {
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
