package dev.tollgate.audit;

import dev.tollgate.policy.PackDigest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every policy version that was ever active, kept so that a decision can be replayed under the exact
 * version that made it. Content-addressed: {@code <root>/<engine>/<hex>/<files>} for the version
 * {@code sha256:<hex>} computed by {@link PackDigest}.
 */
public final class PolicyStore {
    private static final Pattern ENGINE = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-f]{64})");

    private final Path root;

    public PolicyStore(Path root) {
        this.root = root;
    }

    /**
     * Stores the files of one policy version unless it is stored already. The files are copied into a
     * staging directory, checked against the digest there, and moved into place in one step, so a
     * stored version is always complete.
     *
     * @param relativeFiles the pack's files, relative to sourceRoot, as given to {@link PackDigest#of}
     * @throws IllegalArgumentException if the copied files do not have the claimed digest
     */
    public void put(String engine, String digest, Path sourceRoot, List<Path> relativeFiles) throws IOException {
        Path target = location(engine, digest);
        if (Files.isDirectory(target)) {
            return;
        }
        Path engineDir = Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(engineDir, ".staging-");
        try {
            for (Path relative : relativeFiles) {
                Path copy = staging.resolve(inside(relative));
                Files.createDirectories(copy.getParent());
                Files.copy(sourceRoot.resolve(relative), copy);
                Durable.force(copy);
            }
            String actual = PackDigest.of(staging, relativeFiles);
            if (!actual.equals(digest)) {
                throw new IllegalArgumentException(
                        "policy files do not match their version: claimed " + digest + ", computed " + actual);
            }
            moveIntoPlace(staging, target);
            Durable.force(engineDir);
        } finally {
            deleteRecursively(staging);
        }
    }

    /** The directory holding that version's files, if it was stored. */
    public Optional<Path> get(String engine, String digest) {
        Path dir = location(engine, digest);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    private Path location(String engine, String digest) {
        if (!ENGINE.matcher(engine).matches()) {
            throw new IllegalArgumentException("not an engine name: " + engine);
        }
        Matcher hex = DIGEST.matcher(digest);
        if (!hex.matches()) {
            throw new IllegalArgumentException("not a policy digest (sha256:<64 lowercase hex>): " + digest);
        }
        return root.resolve(engine).resolve(hex.group(1));
    }

    static String inside(Path relative) {
        Path normal = relative.normalize();
        if (relative.isAbsolute() || normal.startsWith("..") || normal.toString().isEmpty()) {
            throw new IllegalArgumentException("not a relative path inside the pack: " + relative);
        }
        return normal.toString();
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another writer stored the same version first; its copy passed the same check.
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }

    /** Deletes dir and everything in it; nothing when it does not exist. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
