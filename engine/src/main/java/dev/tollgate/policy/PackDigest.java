package dev.tollgate.policy;

import dev.tollgate.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The policy version: a SHA-256 over every file of a policy directory, each file as its relative path
 * and its bytes, length-prefixed so that no two different trees share a digest.
 */
public final class PackDigest {
    private PackDigest() {
    }

    /** @param files paths relative to root, in any order */
    public static String of(Path root, List<Path> files) {
        MessageDigest sha = Sha256.digest();
        files.stream().map(PackDigest::unixPath).sorted().forEach(relative -> {
            byte[] name = relative.getBytes(StandardCharsets.UTF_8);
            byte[] content = read(root.resolve(relative));
            update(sha, name);
            update(sha, content);
        });
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static String unixPath(Path p) {
        return p.toString().replace('\\', '/');
    }

    private static void update(MessageDigest sha, byte[] bytes) {
        sha.update(longBytes(bytes.length));
        sha.update(bytes);
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
