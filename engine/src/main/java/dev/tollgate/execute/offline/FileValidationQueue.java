package dev.tollgate.execute.offline;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * On-device answers waiting for a cloud validation, kept on disk until the cloud is reachable again and
 * the validation is done. One file per entry, {@code <id>.entry}, sealed as {@link EntryCipher} says (an entry
 * renamed to another id does not open).
 * <p>
 * Every change is durable before the call returns: an entry is written to a temporary file, synced and
 * renamed into place, and the directory is synced. An entry that does not decrypt or parse is moved to
 * {@code corrupt/} and counted, never returned. One process at a time may open a directory.
 */
public final class FileValidationQueue implements ValidationQueue {
    private static final Logger LOG = System.getLogger(FileValidationQueue.class.getName());
    private static final String ENTRY = ".entry";
    private static final String TEMP = ".tmp";
    private static final String CORRUPT = "corrupt";

    private final Path dir;
    private final EntryCipher cipher;
    private final FileChannel lockChannel;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicInteger corruptEntries = new AtomicInteger();
    private volatile boolean closed;

    private FileValidationQueue(Path dir, EntryCipher cipher, FileChannel lockChannel) {
        this.dir = dir;
        this.cipher = cipher;
        this.lockChannel = lockChannel;
    }

    /**
     * Opens the queue in {@code dir}, creating it if needed, with the key in {@code keyFile}: 32 random
     * bytes, created with owner-only permissions if missing. Unfinished writes of a crashed process are
     * discarded and unreadable entries moved aside.
     *
     * @throws IOException when the directory is already open, or the key file is not a 32-byte key
     */
    public static FileValidationQueue open(Path dir, Path keyFile) throws IOException {
        Files.createDirectories(dir);
        EntryCipher cipher = EntryCipher.open(keyFile);
        FileChannel lockChannel = FileChannel.open(dir.resolve("queue.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            if (tryLock(lockChannel) == null) {
                throw new IOException("the validation queue in " + dir + " is already open");
            }
            FileValidationQueue queue = new FileValidationQueue(dir, cipher, lockChannel);
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
    @Override
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
    @Override
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
            SyncedFiles.write(temp, cipher.seal(validation));
            Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE);
            SyncedFiles.syncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Every readable entry, oldest first; unreadable ones are moved aside and counted. */
    @Override
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
                entries.add(cipher.open(id, bytes));
            } catch (GeneralSecurityException | IOException | RuntimeException unreadable) {
                moveAside(file, id, unreadable);
            }
        }
        entries.sort(PendingValidation.OLDEST_FIRST);
        return entries;
    }

    /** One process opens the directory: every due entry is its own to attempt. */
    @Override
    public List<PendingValidation> claimDue(Instant now, Duration firstWait) throws IOException {
        return pending().stream().filter(entry -> !entry.dueAt(firstWait).isAfter(now)).toList();
    }

    @Override
    public void release(String id) {
    }

    /** Removes the entry, durably; an id that is not queued is ignored. */
    @Override
    public void done(String id) throws IOException {
        ensureOpen();
        if (Files.deleteIfExists(entry(PendingValidation.requireValidId(id)))) {
            SyncedFiles.syncDirectory(dir);
        }
        ids.remove(id);
    }

    @Override
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
        SyncedFiles.syncDirectory(corrupt);
        SyncedFiles.syncDirectory(dir);
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
}
