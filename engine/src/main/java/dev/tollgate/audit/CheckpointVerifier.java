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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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
        String keyId = CheckpointKey.keyId(key.key().orElseThrow());
        Map<String, Integer> otherKeys = new TreeMap<>();
        for (Sourced s : checkpoints) {
            if (CheckpointKey.verifies(key.key().get(), s.checkpoint())) {
                signed.computeIfAbsent(s.checkpoint().seq(), seq -> new ArrayList<>()).add(s);
            } else {
                failures.add(s.source() + " (seq " + s.checkpoint().seq() + "): forged checkpoint: its signature does"
                        + " not verify under the public key " + keyId + " (it names " + s.checkpoint().keyId() + ")");
                if (!s.checkpoint().keyId().equals(keyId)) {
                    otherKeys.merge(s.checkpoint().keyId(), 1, Integer::sum);
                }
            }
        }
        otherKeys.forEach((other, count) -> failures.add(count + " checkpoints name the key " + other + " and were"
                + " checked with " + key.description() + ": if the service signs with " + other + " (its"
                + " TOLLGATE_SIGNING_KEY_FILE, TOLLGATE_SIGNING_KEY or audit.signing_key_file), give verify that key's"
                + " public half with --public-key FILE (the .pub.pem exported beside the service's key file, or"
                + " public_key in GET /v1/audit/checkpoints); if the service never held it, they are forged"));
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

    /**
     * The checkpoints one stream of the shared store signed, from its table and from a witness's copy of every
     * stream's (empty when there is none).
     */
    public static CheckpointVerifier ofStream(String stream, List<Checkpoint> stored, Optional<Witness> witness,
                                              KeySource key) {
        List<Sourced> checkpoints = new ArrayList<>();
        for (Checkpoint checkpoint : stored) {
            if (checkpoint.stream().equals(stream)) {
                checkpoints.add(new Sourced(checkpoint, "checkpoint " + (checkpoints.size() + 1) + " of stream " + stream));
            }
        }
        List<Checkpoint> kept = witness.map(Witness::checkpoints).orElse(List.of());
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).stream().equals(stream)) {
                checkpoints.add(new Sourced(kept.get(i), "witness " + witness.get().file().getFileName() + " #" + (i + 1)));
            }
        }
        return new CheckpointVerifier(checkpoints, key, checkpoints.isEmpty() ? "no checkpoints (none of stream "
                + stream + " in the store" + (witness.isPresent() ? " nor in the witness copy" : "") + ")" : null);
    }

    /** A witness's copy of the checkpoints, read from file. */
    public record Witness(Path file, List<Checkpoint> checkpoints) {
        /** @throws LogFormatException naming the entry of file that is not a checkpoint */
        public static Witness read(Path file) throws IOException {
            return new Witness(file, witnessCopy(file));
        }

        /** The streams it has checkpoints of. */
        public Set<String> streams() {
            return checkpoints.stream().map(Checkpoint::stream).collect(Collectors.toSet());
        }
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
