package dev.tollgate.policy;

import dev.tollgate.Sha256;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Compiled policies kept between starts under the data directory ({@code compiled-packs/<engine>}), each file
 * named by a digest of everything its compilation read, and written whole or not at all.
 */
public final class CompiledStore {
    private CompiledStore() {
    }

    /** Where an engine's compilations are kept in the data directory. */
    public static Path directory(Path data, String engine) {
        return data.resolve("compiled-packs").resolve(engine);
    }

    /** A digest of the parts, length-prefixed so that no two different inputs give the same bytes. */
    public static String key(List<byte[]> parts) {
        MessageDigest sha = Sha256.digest();
        for (byte[] part : parts) {
            sha.update(HexFormat.of().toHexDigits(part.length).getBytes(StandardCharsets.US_ASCII));
            sha.update(part);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 12);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What writes a file's content. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the file through a temporary file moved into place, then deletes the earlier files that match the
     * glob: a compilation replaces the earlier ones of the same pack.
     */
    public static void write(Path file, String earlierGlob, Content content) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (DirectoryStream<Path> earlier = Files.newDirectoryStream(file.getParent(), earlierGlob)) {
            for (Path old : earlier) {
                if (!old.equals(file)) {
                    Files.deleteIfExists(old);
                }
            }
        }
    }
}
