package dev.tollgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.audit.LogRecovery.Recovered;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;

/**
 * The tamper-evident decision log: append-only JSON records, one per line, each chained to the one before
 * by a SHA-256 hash.
 *
 * <h2>Files</h2>
 * Records go to segment files {@code decisions-000001.jsonl}, {@code decisions-000002.jsonl}, ... in one
 * directory. A new segment starts when the next record would take the current one past the size limit
 * (a record larger than the limit gets a segment of its own). The chain runs on across segments.
 *
 * <h2>Record format</h2>
 * Each line is one JSON object in UTF-8 followed by a single {@code '\n'}. The log writes its first three
 * fields:
 * <ul>
 *   <li>{@code seq}: 1 for the first record, then one more than the record before;</li>
 *   <li>{@code time}: when it was appended, an ISO-8601 instant in UTC ({@code 2025-01-02T03:04:05.123Z});</li>
 *   <li>{@code prev_hash}: the {@code hash} of the record before, 64 {@code '0'} characters for the first.</li>
 * </ul>
 * The caller's fields follow, in the order of the node passed to {@link #append}. The last field is always
 * {@code hash}, so every line ends with exactly <code>,"hash":"&lt;64 lowercase hex digits&gt;"}</code>.
 *
 * <h2>Hash rule (for auditors who reimplement verification)</h2>
 * {@code hash} is the lowercase hex SHA-256 of the UTF-8 bytes of the line with the 74 characters
 * {@code ,"hash":"<hex>"} removed: the same object serialised without its hash field.
 * <pre>
 * line:   {"seq":1,"time":"...","prev_hash":"000...000","effect":"allow","hash":"9f2c...e1"}
 * hashed: {"seq":1,"time":"...","prev_hash":"000...000","effect":"allow"}
 * hash  = hex(sha256(hashed))
 * </pre>
 * No JSON re-serialisation is needed to verify: take the line's bytes, cut the hash field, hash. A record
 * is intact when its hash recomputes, its seq is one more than the previous record's and its prev_hash is
 * the previous record's hash ({@link ChainVerifier} checks exactly this).
 *
 * <h2>Durability</h2>
 * One writer thread takes every pending append, writes them with one write (one per segment if the batch
 * reaches into a new one), forces the file ({@link FileChannel#force}) and only then completes their
 * futures: a completed future means the record is on disk, and concurrent callers share one fsync. If the write fails, the futures of the records not
 * forced fail, {@link #writable()} turns false, and the next batch first cuts the segment back to its last
 * forced length so that no unacknowledged bytes stay in the chain.
 * <p>
 * A crash can leave part of a line after the last {@code '\n'} of the last segment; it was never
 * acknowledged. {@link #open} cuts it away ({@link #recoveredTornBytes()}). It refuses to open a log whose
 * last segment holds a complete line that is not JSON, or whose last record does not match its hash.
 */
public final class DecisionLog implements DecisionStore {
    private static final System.Logger LOG = System.getLogger(DecisionLog.class.getName());
    private static final Pending STOP = new Pending(null, Optional.empty(), null);
    private static final String PROBE_FILE = ".append-probe";
    /** Room a probe must find: well above one decision record, so that a nearly full disk does not pass. */
    private static final int PROBE_BYTES = 64 * 1024;
    private static final long PROBE_TIMEOUT_SECONDS = 5;

    /** An acknowledged append: the record is on disk. */
    public record Appended(long seq, String hash, String time) {
    }

    /**
     * An append (with the token expiry it claims, for the {@link ClaimIndex}), or (with no body) a probe, or (with
     * neither) the writer's stop signal.
     */
    private record Pending(byte[] body, Optional<Instant> claimExpiry, CompletableFuture<Appended> future) {
        boolean isProbe() {
            return body == null && future != null;
        }
    }

    /** The last acknowledged record: its seq (0 if there is none) and hash (64 zeros if there is none). */
    public record Head(long seq, String hash) {
    }

    private final Path dir;
    private final long maxSegmentBytes;
    private final Clock clock;
    private final long recoveredTornBytes;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Appends share it, close takes it alone: no append is queued after the writer was told to stop. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Thread writer;
    private volatile boolean closed;
    private volatile Head head;
    private volatile boolean lastWriteOk = true;
    private volatile LongConsumer afterWrite = seq -> {
    };
    /** Runs the listeners of sealed segments one after another, off the writer thread; close waits for it. */
    private final ExecutorService sealedSegments = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("decision-log-sealed").daemon().factory());
    private volatile SealListener afterSeal = segment -> {
    };

    // Confined to the writer thread once it runs.
    private FileChannel channel;
    private long segment;
    private long segmentBytes;
    private Optional<Instant> segmentClaims;
    private boolean needsRepair;

    private DecisionLog(Path dir, long maxSegmentBytes, Clock clock, Recovered recovered) {
        this.dir = dir;
        this.maxSegmentBytes = maxSegmentBytes;
        this.clock = clock;
        this.recoveredTornBytes = recovered.tornBytes();
        this.head = new Head(recovered.lastSeq(), recovered.headHash());
        this.channel = recovered.channel();
        this.segment = recovered.segment();
        this.segmentBytes = recovered.segmentBytes();
        this.segmentClaims = recovered.claimExpiry();
        this.writer = Thread.ofPlatform().name("decision-log-writer").daemon().unstarted(this::run);
    }

    /**
     * Opens the log in logDir, creating the directory if needed and recovering from a crash.
     *
     * @throws LogFormatException if a complete line of the last segment is not an intact record
     */
    public static DecisionLog open(Path logDir, long maxSegmentBytes, Clock clock) throws IOException {
        if (maxSegmentBytes <= 0) {
            throw new IllegalArgumentException("maxSegmentBytes must be positive");
        }
        Files.createDirectories(logDir);
        Recovered recovered = LogRecovery.recover(logDir);
        ClaimIndex.complete(logDir);
        LOG.log(Level.INFO, "decision log opened at segment " + recovered.segment() + ", last seq "
                + recovered.lastSeq());
        DecisionLog log = new DecisionLog(logDir, maxSegmentBytes, clock, recovered);
        log.writer.start();
        return log;
    }

    /**
     * Appends body with seq, time, prev_hash and hash added. The future completes once the record is on
     * disk, or exceptionally if it could not be written (or the log is closed). It completes on the writer
     * thread: actions chained with non-async methods run there and hold up every other append, so they
     * must be short and must not wait for another append.
     *
     * @throws IllegalArgumentException if body has a field the log sets itself
     */
    @Override
    public CompletableFuture<Appended> append(ObjectNode body) {
        return enqueue(HashChain.body(body), ClaimIndex.expiryOf(body));
    }

    /**
     * As {@link #append(ObjectNode)} with the record's line ({@link LogRecord#toJson}), serialised without the JSON
     * tree; only an execution_started record has a token expiry to index ({@link ClaimIndex}), read from that tree.
     */
    @Override
    public CompletableFuture<Appended> append(LogRecord record) {
        return record instanceof ExecutionStarted ? append(LogRecord.toJson(record))
                : enqueue(HashChain.body(record), Optional.empty());
    }

    private CompletableFuture<Appended> enqueue(byte[] body, Optional<Instant> claimExpiry) {
        Pending pending = new Pending(body, claimExpiry, new CompletableFuture<>());
        lifecycle.readLock().lock();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("decision log is closed"));
            }
            queue.add(pending);
        } finally {
            lifecycle.readLock().unlock();
        }
        return pending.future();
    }

    /** Whether appends are expected to succeed: the last write did and the directory is writable. */
    @Override
    public boolean writable() {
        return !closed && lastWriteOk && Files.isDirectory(dir) && Files.isWritable(dir);
    }

    /**
     * Whether an append would succeed now, for readiness. While the last write has failed it is not enough that
     * the directory looks writable: on the writer thread, between appends, the probe cuts the current segment
     * back to its last forced length as the next append would, checks that the next segment's name is free,
     * and writes and forces {@value #PROBE_BYTES} bytes in the directory. Only when all of that succeeds is the
     * log writable again.
     */
    @Override
    public boolean probe() {
        if (writable()) {
            return true;
        }
        Pending probe = new Pending(null, Optional.empty(), new CompletableFuture<>());
        lifecycle.readLock().lock();
        try {
            if (closed) {
                return false;
            }
            queue.add(probe);
        } finally {
            lifecycle.readLock().unlock();
        }
        try {
            probe.future().get(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return writable();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Bytes of an interrupted append cut from the last segment when the log was opened. */
    public long recoveredTornBytes() {
        return recoveredTornBytes;
    }

    /** Seq and hash of the last acknowledged record, read together. */
    @Override
    public Head head() {
        return head;
    }

    /**
     * Tells listener the seq of the last record of every write once it is on disk. It runs on the writer thread,
     * holding up every append: it must only hand the news on.
     */
    @Override
    public void afterWrite(LongConsumer listener) {
        this.afterWrite = listener;
    }

    /**
     * Tells listener the number of every segment the log has sealed and moved on from, on a thread of its own, one
     * segment after the other: it may read the segment (to index it, {@link SegmentIndex}) without holding up appends.
     */
    public void afterSeal(SealListener listener) {
        this.afterSeal = listener;
    }

    /** Told of a sealed segment; what it fails to do, the next start does (a warning says so). */
    @FunctionalInterface
    public interface SealListener {
        void sealed(long segment) throws IOException;
    }

    /** Writes every append made before it, then closes the file. Appends after close fail. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        } finally {
            lifecycle.writeLock().unlock();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        sealedSegments.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Only close() stops the writer.
                continue;
            }
            queue.drainTo(batch);
            // close() queues STOP after every append, so it can only be last.
            stop = batch.getLast() == STOP;
            if (stop) {
                batch.removeLast();
            }
            List<Pending> probes = batch.stream().filter(Pending::isProbe).toList();
            batch.removeIf(Pending::isProbe);
            if (!batch.isEmpty()) {
                write(batch);
            }
            probes.forEach(this::probe);
            batch.clear();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "decision log: closing segment " + segment + " failed", e);
        }
    }

    private void write(List<Pending> batch) {
        int done = 0;
        try {
            if (needsRepair) {
                repair();
            }
            List<byte[]> lines = new ArrayList<>(batch.size());
            List<Appended> acks = new ArrayList<>(batch.size());
            seal(batch, lines, acks);
            while (done < batch.size()) {
                if (segmentBytes > 0 && segmentBytes + lines.get(done).length > maxSegmentBytes) {
                    rotate();
                }
                int end = endOfRun(lines, done);
                writeAndForce(lines.subList(done, end));
                for (int i = done; i < end; i++) {
                    segmentClaims = ClaimIndex.later(segmentClaims, batch.get(i).claimExpiry());
                }
                Appended lastOfRun = acks.get(end - 1);
                head = new Head(lastOfRun.seq(), lastOfRun.hash());
                lastWriteOk = true;
                for (int i = done; i < end; i++) {
                    batch.get(i).future().complete(acks.get(i));
                }
                afterWrite.accept(lastOfRun.seq());
                done = end;
            }
        } catch (IOException | RuntimeException e) {
            needsRepair = true;
            lastWriteOk = false;
            LOG.log(Level.WARNING, "decision log: write to segment " + segment + " failed, "
                    + (batch.size() - done) + " appends not acknowledged, last acknowledged seq " + lastSeq(), e);
            for (int i = done; i < batch.size(); i++) {
                batch.get(i).future().completeExceptionally(e);
            }
        }
    }

    private void probe(Pending probe) {
        Path file = dir.resolve(PROBE_FILE);
        try {
            if (needsRepair) {
                repair();
            }
            Path next = dir.resolve(Segments.name(segment + 1));
            if (Files.exists(next, LinkOption.NOFOLLOW_LINKS) && !(Files.isRegularFile(next) && Files.size(next) == 0)) {
                throw new IOException("the next segment's name is taken by something else");
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer room = ByteBuffer.allocate(PROBE_BYTES);
                while (room.hasRemaining()) {
                    channel.write(room);
                }
                channel.force(false);
            } finally {
                Files.deleteIfExists(file);
            }
            lastWriteOk = true;
            probe.future().complete(null);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "decision log: append probe failed: " + e);
            probe.future().completeExceptionally(e);
        }
    }

    /** Gives every pending body its place in the chain, continuing from the last acknowledged record. */
    private void seal(List<Pending> batch, List<byte[]> lines, List<Appended> acks) {
        long seq = head.seq();
        String prev = head.hash();
        for (Pending pending : batch) {
            seq++;
            String time = clock.instant().toString();
            byte[] hashed = HashChain.hashedForm(seq, time, prev, pending.body());
            String hash = HashChain.sha256Hex(hashed);
            byte[] sealed = HashChain.seal(hashed, hash);
            byte[] line = new byte[sealed.length + 1];
            System.arraycopy(sealed, 0, line, 0, sealed.length);
            line[sealed.length] = '\n';
            lines.add(line);
            acks.add(new Appended(seq, hash, time));
            prev = hash;
        }
    }

    /** End (exclusive) of the lines from index from on that fit in the current segment: at least one. */
    private int endOfRun(List<byte[]> lines, int from) {
        int end = from + 1;
        long bytes = segmentBytes + lines.get(from).length;
        while (end < lines.size() && bytes + lines.get(end).length <= maxSegmentBytes) {
            bytes += lines.get(end).length;
            end++;
        }
        return end;
    }

    private void writeAndForce(List<byte[]> lines) throws IOException {
        long bytes = lines.stream().mapToLong(line -> line.length).sum();
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(bytes));
        lines.forEach(buffer::put);
        buffer.flip();
        long position = segmentBytes;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(false);
        segmentBytes = position;
    }

    private void rotate() throws IOException {
        ClaimIndex.sealed(dir, segment, segmentClaims);
        long next = segment + 1;
        // A leftover file of that name can only be an empty one from a rotation that failed before.
        FileChannel fresh = FileChannel.open(dir.resolve(Segments.name(next)), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            Durable.force(dir);
        } catch (IOException e) {
            fresh.close();
            throw e;
        }
        FileChannel previous = channel;
        channel = fresh;
        segment = next;
        segmentBytes = 0;
        segmentClaims = Optional.empty();
        SealListener listener = afterSeal;
        sealedSegments.execute(() -> {
            try {
                listener.sealed(next - 1);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "decision log: indexing sealed segment " + (next - 1)
                        + " failed, the next start reads it: " + e);
            }
        });
        try {
            previous.close();
        } catch (IOException e) {
            // Everything in it was forced already.
            LOG.log(Level.WARNING, "decision log: closing segment " + (next - 1) + " failed", e);
        }
    }

    /** Cuts the current segment back to its last forced length, reopening it if the channel was lost. */
    private void repair() throws IOException {
        if (!channel.isOpen()) {
            channel = FileChannel.open(dir.resolve(Segments.name(segment)), StandardOpenOption.WRITE);
        }
        if (channel.size() > segmentBytes) {
            channel.truncate(segmentBytes);
            channel.force(false);
        }
        needsRepair = false;
    }
}
