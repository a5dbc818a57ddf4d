package dev.tollgate.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;

import static dev.tollgate.audit.TestLogs.CLOCK;
import static dev.tollgate.audit.TestLogs.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionLogConcurrencyTest {
    private static final int THREADS = 8;
    private static final int APPENDS_PER_THREAD = 2_000;

    @TempDir
    Path dir;

    /**
     * Each thread waits for its append before the next, as a request handler does, so only group commit
     * lets the threads share fsyncs.
     */
    @Test
    void concurrentAppendsGetContiguousSeqsAndAnIntactChain() throws Exception {
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        long nanos;
        try (DecisionLog log = DecisionLog.open(dir, 64L << 20, CLOCK)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                        acknowledged.add(log.append(body(i)).join().seq());
                    }
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            nanos = System.nanoTime() - began;
            assertEquals(THREADS * APPENDS_PER_THREAD, log.lastSeq());
        }

        int total = THREADS * APPENDS_PER_THREAD;
        System.out.printf(Locale.ROOT, "decision log group commit: %d threads x %d appends = %d records in %d ms,"
                        + " %.0f appends/s (each acknowledged after fsync)%n"
                        + "rerun: mvn -B -q -o test -Dtest='dev.tollgate.audit.DecisionLogConcurrencyTest'%n",
                THREADS, APPENDS_PER_THREAD, total, nanos / 1_000_000, total / (nanos / 1e9));

        assertEquals(LongStream.rangeClosed(1, total).boxed().toList(), acknowledged.stream().sorted().toList());
        VerifyReport report = new ChainVerifier().verify(dir);
        assertTrue(report.ok(), report.render());
        assertEquals(total, report.recordsChecked());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
