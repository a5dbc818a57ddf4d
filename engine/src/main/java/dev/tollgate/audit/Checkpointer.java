package dev.tollgate.audit;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Signs a checkpoint of a log's head every {@code everyRecords} records or {@code every} (whichever comes first,
 * and only when the head moved) and once more when it is closed, after the log: a clean stop leaves a checkpoint
 * at the last record, so records cut off the end afterwards are missing from under a signature.
 */
public final class Checkpointer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Checkpointer.class.getName());

    private final String stream;
    private final DecisionStore log;
    private final CheckpointKey key;
    private final CheckpointStore store;
    private final long everyRecords;
    private final Duration every;
    private final Clock clock;
    private final Semaphore due = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;
    private volatile long checkpointed;

    public Checkpointer(String stream, DecisionStore log, CheckpointKey key, CheckpointStore store, long everyRecords,
                        Duration every, Clock clock) {
        this.stream = stream;
        this.log = log;
        this.key = key;
        this.store = store;
        this.everyRecords = everyRecords;
        this.every = every;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("checkpointer").daemon().unstarted(this::run);
    }

    public Checkpointer start() {
        log.afterWrite(seq -> {
            if (seq - checkpointed >= everyRecords) {
                due.release();
            }
        });
        thread.start();
        return this;
    }

    private void run() {
        while (!closed) {
            try {
                due.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Only close() stops the thread.
                continue;
            }
            due.drainPermits();
            if (!closed) {
                checkpoint();
            }
        }
    }

    private synchronized void checkpoint() {
        DecisionLog.Head head = log.head();
        if (head.seq() == 0 || head.seq() == checkpointed) {
            return;
        }
        try {
            store.append(key.sign(stream, head.seq(), head.hash(), clock.instant()));
            checkpointed = head.seq();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "checkpoint of seq " + head.seq() + " could not be stored", e);
        }
    }

    /** Stops the timer and signs the head as it is now: close the log first, so that it is the last record. */
    @Override
    public void close() {
        closed = true;
        due.release();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        checkpoint();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
