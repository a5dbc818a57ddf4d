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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify", description = {"Checks the decision log's hash chain and its signed checkpoints, then "
        + "how executions link to decisions (docs/audit.md).",
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
        Path data = this.data.dir;
        long started = System.nanoTime();
        LinkageChecker linkage = new LinkageChecker();
        CheckpointVerifier checkpoints = CheckpointVerifier.of(data.resolve(CheckpointFile.NAME), witness,
                publicKey(Optional.ofNullable(publicKey)));
        VerifyReport chain = new ChainVerifier().verify(data.resolve("log"), linkage.andThen(checkpoints));
        LinkageReport links = linkage.finish(chain.ok());
        CheckpointReport signed = checkpoints.finish(chain.ok());
        Speed speed = Speed.since(started, chain.recordsChecked(), "records");
        if (output.json) {
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
    private CheckpointVerifier.KeySource publicKey(Optional<Path> given) {
        Path file = given.orElseGet(() -> CheckpointKey.publicKeyFile(CheckpointKey.file("", System::getenv)));
        if (given.isEmpty() && !Files.exists(file)) {
            return new CheckpointVerifier.KeySource(Optional.empty(), "none exported at " + file);
        }
        try {
            PublicKey key = CheckpointKey.readPublicKey(file);
            return new CheckpointVerifier.KeySource(Optional.of(key), CheckpointKey.keyId(key) + " from " + file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--public-key: " + e.getMessage());
        }
    }
}
