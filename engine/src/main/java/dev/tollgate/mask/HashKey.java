package dev.tollgate.mask;

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
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/** The secret key of the {@link Operator#HASH} operator. Its toString never shows the key. */
public final class HashKey {
    private static final int MIN_BYTES = 16;
    private static final int RANDOM_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private final byte[] bytes;

    private HashKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A key of at least 16 bytes; the array is copied. */
    public static HashKey of(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a hash key needs at least " + MIN_BYTES + " bytes");
        }
        return new HashKey(bytes.clone());
    }

    /** A fresh random key: hashes are then stable for the life of this key only. */
    public static HashKey random() {
        byte[] bytes = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new HashKey(bytes);
    }

    /**
     * The key in keyFile, created with 32 random bytes (readable by its owner only where the file system has
     * POSIX permissions) if it does not exist, so that hashes stay the same across restarts.
     */
    public static HashKey open(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            create(keyFile);
        }
        byte[] bytes = Files.readAllBytes(keyFile);
        if (bytes.length < MIN_BYTES) {
            throw new IOException("hash key file " + keyFile + " holds " + bytes.length + " bytes, expected at least "
                    + MIN_BYTES);
        }
        return new HashKey(bytes);
    }

    private static void create(Path keyFile) throws IOException {
        Path parent = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        FileAttribute<?>[] ownerOnly = parent.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
        // CREATE_NEW: if another process created the key meanwhile, its key wins and is read back.
        try (FileChannel channel = FileChannel.open(keyFile,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
            ByteBuffer key = ByteBuffer.wrap(random().bytes);
            while (key.hasRemaining()) {
                channel.write(key);
            }
            channel.force(true);
        } catch (FileAlreadyExistsException e) {
            return;
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HashKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "HashKey[" + bytes.length + " bytes]";
    }
}
