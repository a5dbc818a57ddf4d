package dev.tollgate.token;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The HMAC keys that sign decision tokens, one file per key in a directory: "<kid>.key" holding 32 random
 * bytes. The key with the greatest kid signs; every key present verifies. To rotate, add a key whose kid sorts
 * later (the default kids are UTC timestamps), and remove the old one once its tokens have expired.
 */
public final class TokenKeys {
    private static final int KEY_BYTES = 32;
    private static final String SUFFIX = ".key";

    private final TreeMap<String, byte[]> keys;

    private TokenKeys(TreeMap<String, byte[]> keys) {
        this.keys = keys;
    }

    /** Reads the directory, creating a first key when it has none. */
    public static TokenKeys open(Path dir, Clock clock) throws IOException {
        Files.createDirectories(dir);
        TreeMap<String, byte[]> keys = read(dir);
        if (keys.isEmpty()) {
            String kid = "k" + clock.instant().toString().replaceAll("[^0-9]", "");
            keys.put(kid, create(dir.resolve(kid + SUFFIX)));
        }
        return new TokenKeys(keys);
    }

    private static TreeMap<String, byte[]> read(Path dir) throws IOException {
        TreeMap<String, byte[]> keys = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                byte[] key = Files.readAllBytes(file);
                if (key.length < KEY_BYTES) {
                    throw new IOException("token key " + file.getFileName() + " is shorter than " + KEY_BYTES + " bytes");
                }
                String name = file.getFileName().toString();
                keys.put(name.substring(0, name.length() - SUFFIX.length()), key);
            }
        }
        return keys;
    }

    private static byte[] create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.write(file, key);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file systems keep their default permissions.
        }
        return key;
    }

    Map.Entry<String, byte[]> signing() {
        return keys.lastEntry();
    }

    Optional<byte[]> verifying(String kid) {
        return Optional.ofNullable(kid).map(keys::get);
    }
}
