package dev.tollgate.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-writer rule of a data directory: an exclusive lock on {@code tollgate.lock} in it, holding the process id
 * of the service that owns the directory. It is taken before anything in the directory is opened and never waited
 * for: a second service on the same directory is refused at once, naming the holder. The operating system releases
 * the lock when the holder's process ends, however it ends (a {@code kill -9} included).
 */
public final class DataDirLock implements AutoCloseable {
    static final String FILE = "tollgate.lock";
    /**
     * Directories locked by this process. A second service in the same JVM is refused here, before it opens the
     * lock file: closing another channel on that file would drop the process's lock at the operating system.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Another process (or another service in this one) holds the data directory. */
    public static final class HeldException extends IOException {
        HeldException(Path dataDir, String holder) {
            super("data directory " + dataDir.toAbsolutePath().normalize() + " is in use by process " + holder
                    + " (lock file " + FILE + "); one service writes a data directory at a time: stop that one or"
                    + " give this one another --data-dir");
        }
    }

    /** @throws HeldException when another service holds the directory */
    public static DataDirLock acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path dir = dataDir.toRealPath();
        String self = Long.toString(ProcessHandle.current().pid());
        if (!HELD_HERE.add(dir)) {
            throw new HeldException(dataDir, self);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new HeldException(dataDir, holder(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(self.getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirLock(dir, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(dir);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** The process id the holder wrote, or "unknown" while it has not written it yet. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(20);
        channel.read(bytes, 0);
        String pid = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).strip();
        return pid.matches("\\d+") ? pid : "unknown";
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
            HELD_HERE.remove(dir);
        }
    }
}
