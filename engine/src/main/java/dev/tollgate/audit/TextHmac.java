package dev.tollgate.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed fingerprint of a text, so the decision log can name the text it decided on without holding it:
 * an auditor given the text and the key recomputes the HMAC and compares. Without the key, the HMAC does
 * not let anyone test guesses of the text.
 */
public final class TextHmac {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private final SecretKeySpec key;

    private TextHmac(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * Uses the 32-byte key in keyFile, creating it with random bytes (and its parent directories) if it
     * does not exist; a created file is readable by its owner only where the file system has POSIX
     * permissions.
     */
    public static TextHmac open(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            create(keyFile);
        }
        byte[] key = Files.readAllBytes(keyFile);
        if (key.length != KEY_BYTES) {
            throw new IOException("HMAC key file " + keyFile + " holds " + key.length + " bytes, expected "
                    + KEY_BYTES);
        }
        return new TextHmac(key);
    }

    /** {@code hmac-sha256:<64 lowercase hex>} over the UTF-8 bytes of text ({@link ExactUtf8}). */
    public String of(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(ExactUtf8.bytes(text)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        Path parent = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        FileAttribute<?>[] ownerOnly = parent.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
        // CREATE_NEW: if another process created the key meanwhile, its key wins and is read back.
        try (FileChannel channel = FileChannel.open(keyFile,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
            ByteBuffer buffer = ByteBuffer.wrap(key);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (FileAlreadyExistsException e) {
            return;
        }
        Durable.force(parent);
    }
}
