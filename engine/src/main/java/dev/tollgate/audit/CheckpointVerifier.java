package dev.tollgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks a log against its signed checkpoints, riding along {@link ChainVerifier}'s pass: every checkpoint must be
 * signed by the public key, the record at its seq must have its head hash (else records up to it were changed and
 * the chain recomputed), and the log must reach its seq (else records were cut off the end). The chain alone
 * cannot see either: a shorter or recomputed chain is still a valid chain.
 */
public final class CheckpointVerifier implements Consumer<CheckedLine> {
    /** Where the public key came from, or why there is none. */
    public record KeySource(Optional<PublicKey> key, String description) {
    }

    private record Sourced(Checkpoint checkpoint, String source) {
    }

    private final Map<Long, List<Sourced>> signed = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final String keyDescription;
    private final int count;
    private final String missing;
    private long lastSeq;

    private CheckpointVerifier(List<Sourced> checkpoints, KeySource key, String missing) {
        this.keyDescription = key.description();
        this.count = checkpoints.size();
        this.missing = missing;
        if (key.key().isEmpty() && !checkpoints.isEmpty()) {
            failures.add(checkpoints.size() + " checkpoints and no public key to check them (" + key.description()
                    + "): give --public-key FILE");
            return;
        }
        for (Sourced s : checkpoints) {
            if (CheckpointKey.verifies(key.key().orElseThrow(), s.checkpoint())) {
                signed.computeIfAbsent(s.checkpoint().seq(), seq -> new ArrayList<>()).add(s);
            } else {
                failures.add(s.source() + " (seq " + s.checkpoint().seq() + "): forged checkpoint: its signature does"
                        + " not verify under the public key " + CheckpointKey.keyId(key.key().get()) + " (it names "
                        + s.checkpoint().keyId() + ")");
            }
        }
    }

    /**
     * The checkpoints of the data directory's file and, when given, those a witness kept (the body of
     * GET /v1/audit/checkpoints, or lines as in the file).
     */
    public static CheckpointVerifier of(Path checkpointFile, Optional<Path> witness, KeySource key) throws IOException {
        List<Sourced> checkpoints = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try {
            List<Checkpoint> own = new CheckpointFile(checkpointFile).all();
            for (int i = 0; i < own.size(); i++) {
                checkpoints.add(new Sourced(own.get(i), checkpointFile.getFileName() + " line " + (i + 1)));
            }
        } catch (LogFormatException e) {
            unreadable.add(e.getMessage());
        }
        if (witness.isPresent()) {
            try {
                List<Checkpoint> kept = witnessCopy(witness.get());
                for (int i = 0; i < kept.size(); i++) {
                    checkpoints.add(new Sourced(kept.get(i), "witness " + witness.get().getFileName() + " #" + (i + 1)));
                }
            } catch (LogFormatException e) {
                unreadable.add("witness " + e.getMessage());
            }
        }
        String missing = checkpoints.isEmpty() && unreadable.isEmpty()
                ? "no checkpoints (" + checkpointFile.getFileName() + " is missing or empty" + (witness.isPresent()
                ? ", and so is the witness copy" : "") + ")" : null;
        CheckpointVerifier verifier = new CheckpointVerifier(checkpoints, key, missing);
        verifier.failures.addAll(0, unreadable);
        return verifier;
    }

    /** The checkpoints one stream of the shared store signed, from its table. */
    public static CheckpointVerifier ofStream(String stream, List<Checkpoint> all, KeySource key) {
        List<Sourced> checkpoints = new ArrayList<>();
        for (Checkpoint checkpoint : all) {
            if (checkpoint.stream().equals(stream)) {
                checkpoints.add(new Sourced(checkpoint, "checkpoint " + (checkpoints.size() + 1) + " of stream " + stream));
            }
        }
        return new CheckpointVerifier(checkpoints, key, checkpoints.isEmpty()
                ? "no checkpoints (none of stream " + stream + " in the store)" : null);
    }

    private static List<Checkpoint> witnessCopy(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode served;
        try {
            served = Json.MAPPER.readTree(text).path("checkpoints");
        } catch (IOException linesNotADocument) {
            served = null;
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        if (served != null && served.isArray()) {
            for (int i = 0; i < served.size(); i++) {
                checkpoints.add(CheckpointFile.parse(served.get(i).toString(), file, i + 1));
            }
            return checkpoints;
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                checkpoints.add(CheckpointFile.parse(lines[i], file, i + 1));
            }
        }
        return checkpoints;
    }

    @Override
    public void accept(CheckedLine entry) {
        lastSeq = entry.fields().path("seq").asLong();
        List<Sourced> here = signed.get(lastSeq);
        if (here == null) {
            return;
        }
        String hash = entry.sealed().orElseThrow().storedHash();
        for (Sourced s : here) {
            if (!s.checkpoint().headHash().equals(hash)) {
                failures.add(s.source() + ": record " + lastSeq + " (" + entry.file().getFileName() + " line "
                        + entry.lineNumber() + ") is not the one signed at " + s.checkpoint().time() + ": its hash is "
                        + hash + ", the checkpoint's " + s.checkpoint().headHash() + " (records up to " + lastSeq
                        + " were changed or removed and the chain recomputed)");
            }
        }
    }

    /** @param chainOk whether the chain checked out to its end: only then are checkpoints past it missing records */
    public CheckpointReport finish(boolean chainOk) {
        List<Sourced> beyond = signed.values().stream().flatMap(List::stream)
                .filter(s -> s.checkpoint().seq() > lastSeq)
                .sorted(Comparator.comparingLong(s -> s.checkpoint().seq())).toList();
        if (chainOk) {
            for (Sourced s : beyond) {
                failures.add(s.source() + ": records " + (lastSeq + 1) + " to " + s.checkpoint().seq()
                        + " are missing: the checkpoint signed at " + s.checkpoint().time() + " covers seq "
                        + s.checkpoint().seq() + ", the log ends at seq " + lastSeq + " (records cut off the end)");
            }
        }
        Checkpoint last = signed.values().stream().flatMap(List::stream).map(Sourced::checkpoint)
                .filter(c -> c.seq() <= lastSeq).max(Comparator.comparingLong(Checkpoint::seq)).orElse(null);
        return new CheckpointReport(failures.isEmpty(), count, keyDescription, last,
                last == null ? lastSeq : lastSeq - last.seq(), List.copyOf(failures), missing);
    }
}
