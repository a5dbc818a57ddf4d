package dev.tollgate.execute.offline;

import dev.tollgate.Json;
import dev.tollgate.decision.DecideRequest;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * On-device answers waiting for a cloud validation, kept on disk until the cloud is reachable again and
 * the validation is done. One file per entry, {@code <id>.entry}: a version byte, a random 12-byte nonce
 * and the entry as JSON sealed with AES-256-GCM under the key file's key, the entry id as associated data
 * (an entry renamed to another id does not open). The entries hold prompt text and drafts, hence the
 * encryption; the key file belongs beside the other secrets, not in the queue directory.
 * <p>
 * Every change is durable before the call returns: an entry is written to a temporary file, synced and
 * renamed into place, and the directory is synced. An entry that does not decrypt or parse is moved to
 * {@code corrupt/} and counted, never returned. One process at a time may open a directory.
 */
public final class ValidationQueue implements AutoCloseable {
    private static final Logger LOG = System.getLogger(ValidationQueue.class.getName());
    private static final String ENTRY = ".entry";
    private static final String TEMP = ".tmp";
    private static final String CORRUPT = "corrupt";
    private static final byte VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Comparator<PendingValidation> OLDEST_FIRST = Comparator
            .comparing(PendingValidation::queuedAt).thenComparing(PendingValidation::id);

    /**
     * The entry as stored: Json.MAPPER has no Instant support, so times are kept as ISO-8601 text. Entries written
     * before attempts were counted have neither application, attempts nor nextAttemptAt: none failed, due at once.
     */
    private record Stored(String id, String decisionId, String application, String destination,
                          List<DecideRequest.Message> maskedMessages, String draft, String queuedAt, int attempts,
                          String nextAttemptAt) {
    }

    private final Path dir;
    private final SecretKey key;
    private final FileChannel lockChannel;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicInteger corruptEntries = new AtomicInteger();
    private volatile boolean closed;

    private ValidationQueue(Path dir, SecretKey key, FileChannel lockChannel) {
        this.dir = dir;
        this.key = key;
        this.lockChannel = lockChannel;
    }

    /**
     * Opens the queue in {@code dir}, creating it if needed, with the key in {@code keyFile}: 32 random
     * bytes, created with owner-only permissions if missing. Unfinished writes of a crashed process are
     * discarded and unreadable entries moved aside.
     *
     * @throws IOException when the directory is already open, or the key file is not a 32-byte key
     */
    public static ValidationQueue open(Path dir, Path keyFile) throws IOException {
        Files.createDirectories(dir);
        SecretKey key = new SecretKeySpec(readOrCreateKey(keyFile), "AES");
        FileChannel lockChannel = FileChannel.open(dir.resolve("queue.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            if (tryLock(lockChannel) == null) {
                throw new IOException("the validation queue in " + dir + " is already open");
            }
            ValidationQueue queue = new ValidationQueue(dir, key, lockChannel);
            queue.recover();
            return queue;
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    /**
     * Adds an entry; it is on disk when this returns.
     *
     * @throws IllegalArgumentException when an entry with the same id is queued
     */
    public void enqueue(PendingValidation validation) throws IOException {
        ensureOpen();
        String id = validation.id();
        if (!ids.add(id)) {
            throw new IllegalArgumentException("validation " + id + " is already queued");
        }
        try {
            write(validation);
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(entry(id))) {
                ids.remove(id);
            }
            throw e;
        }
    }

    /**
     * Replaces a queued entry by this one (the same id, after a failed attempt); it is on disk when this returns.
     *
     * @throws IllegalArgumentException when no entry with its id is queued
     */
    public void update(PendingValidation validation) throws IOException {
        ensureOpen();
        if (!ids.contains(validation.id())) {
            throw new IllegalArgumentException("validation " + validation.id() + " is not queued");
        }
        write(validation);
    }

    private void write(PendingValidation validation) throws IOException {
        String id = validation.id();
        Path entry = entry(id);
        Path temp = Files.createTempFile(dir, "." + id + "-", TEMP);
        try {
            writeSynced(temp, seal(validation));
            Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Every readable entry, oldest first; unreadable ones are moved aside and counted. */
    public List<PendingValidation> pending() throws IOException {
        ensureOpen();
        List<PendingValidation> entries = new ArrayList<>();
        for (Path file : entryFiles()) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - ENTRY.length());
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException doneMeanwhile) {
                continue;
            }
            try {
                entries.add(open(id, bytes));
            } catch (GeneralSecurityException | IOException | RuntimeException unreadable) {
                moveAside(file, id, unreadable);
            }
        }
        entries.sort(OLDEST_FIRST);
        return entries;
    }

    /** Removes the entry, durably; an id that is not queued is ignored. */
    public void done(String id) throws IOException {
        ensureOpen();
        if (Files.deleteIfExists(entry(PendingValidation.requireValidId(id)))) {
            syncDirectory(dir);
        }
        ids.remove(id);
    }

    public int size() {
        return ids.size();
    }

    /** Entries moved to {@code corrupt/} since the queue was opened. */
    public int corruptEntries() {
        return corruptEntries.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        lockChannel.close();
    }

    private void recover() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path temp : files.filter(f -> f.getFileName().toString().endsWith(TEMP)).toList()) {
                Files.delete(temp);
            }
        }
        pending().forEach(v -> ids.add(v.id()));
    }

    private List<Path> entryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ENTRY)).toList();
        }
    }

    private Path entry(String id) {
        return dir.resolve(id + ENTRY);
    }

    private byte[] seal(PendingValidation v) throws IOException {
        byte[] plain = Json.MAPPER.writeValueAsBytes(new Stored(v.id(), v.decisionId(), v.application(),
                v.destination(), v.maskedMessages(), v.draft(), v.queuedAt().toString(), v.attempts(),
                v.nextAttemptAt().toString()));
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(v.id().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    private PendingValidation open(String id, byte[] bytes) throws GeneralSecurityException, IOException {
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
            throw new GeneralSecurityException("not a validation queue entry");
        }
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
        cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
        byte[] plain = cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
        Stored s = Json.MAPPER.readValue(plain, Stored.class);
        Instant queuedAt = Instant.parse(s.queuedAt());
        return new PendingValidation(s.id(), s.decisionId(), s.application(), s.destination(), s.maskedMessages(),
                s.draft(), queuedAt, s.attempts(),
                s.nextAttemptAt() == null ? queuedAt : Instant.parse(s.nextAttemptAt()));
    }

    /** Synchronized so that two readers of the same bad entry do not pick the same name under corrupt/. */
    private synchronized void moveAside(Path file, String id, Exception cause) throws IOException {
        Path corrupt = Files.createDirectories(dir.resolve(CORRUPT));
        Path target = corrupt.resolve(file.getFileName());
        for (int n = 1; Files.exists(target); n++) {
            target = corrupt.resolve(file.getFileName() + "." + n);
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException movedOrDoneMeanwhile) {
            return;
        }
        syncDirectory(corrupt);
        syncDirectory(dir);
        ids.remove(id);
        corruptEntries.incrementAndGet();
        // The cause's class only: a parser's message may quote the decrypted text.
        LOG.log(Level.WARNING, "Validation queue entry {0} is unreadable ({1}); moved to {2}",
                id, cause.getClass().getSimpleName(), target);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the validation queue is closed");
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException openInThisProcess) {
            return null;
        }
    }

    private static byte[] readOrCreateKey(Path keyFile) throws IOException {
        if (Files.notExists(keyFile)) {
            Path parent = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            byte[] key = new byte[KEY_BYTES];
            RANDOM.nextBytes(key);
            // A temporary file is created owner-only (0600), so the key is never readable by others.
            Path temp = Files.createTempFile(parent, ".validation-key-", TEMP);
            try {
                writeSynced(temp, key);
                Files.move(temp, keyFile);
                syncDirectory(parent);
            } catch (FileAlreadyExistsException createdByAnotherProcess) {
                // Theirs is the key: fall through and read it.
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        byte[] key = Files.readAllBytes(keyFile);
        if (key.length != KEY_BYTES) {
            throw new IOException("the validation queue key " + keyFile + " is not " + KEY_BYTES + " bytes long");
        }
        return key;
    }

    private static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
