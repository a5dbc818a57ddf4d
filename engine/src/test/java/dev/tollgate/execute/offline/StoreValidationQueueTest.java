package dev.tollgate.execute.offline;

import dev.tollgate.testing.ClassStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.tollgate.execute.offline.QueuedEntries.SECRET_WORD;
import static dev.tollgate.execute.offline.QueuedEntries.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The validation queue in a real PostgreSQL, as replicas share it: one claim per due entry across replicas, a claim
 * given up by an update or a release, and a dead replica's claim running out after the lease.
 */
class StoreValidationQueueTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Instant DUE = T0.plus(FIRST_WAIT);

    @RegisterExtension
    static final ClassStore STORE = new ClassStore();

    @TempDir
    Path keys;

    @BeforeEach
    void empty() throws Exception {
        try (Connection connection = STORE.dataSource().getConnection();
             Statement delete = connection.createStatement()) {
            delete.execute("delete from validation_queue");
        }
    }

    private StoreValidationQueue replica(String id) throws Exception {
        return new StoreValidationQueue(STORE.dataSource(), id, EntryCipher.open(keys.resolve("validation.key")),
                LEASE);
    }

    private static List<String> ids(List<PendingValidation> entries) {
        return entries.stream().map(PendingValidation::id).toList();
    }

    @Test
    void entriesAreSealedAndReadBackOldestFirstUntilDone() throws Exception {
        StoreValidationQueue queue = replica("a");
        queue.enqueue(entry("late", T0.plusSeconds(2)));
        queue.enqueue(entry("early", T0));
        assertThrows(IllegalArgumentException.class, () -> queue.enqueue(entry("early", T0)));

        assertEquals(List.of(entry("early", T0), entry("late", T0.plusSeconds(2))), queue.pending());
        assertEquals(2, queue.size());
        try (Connection connection = STORE.dataSource().getConnection();
             Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("select entry from validation_queue")) {
            while (rows.next()) {
                assertFalse(new String(rows.getBytes(1), StandardCharsets.ISO_8859_1).contains(SECRET_WORD));
            }
        }

        queue.done("early");
        assertEquals(List.of("late"), ids(queue.pending()));
        assertThrows(IllegalArgumentException.class, () -> queue.update(entry("early", T0)));
    }

    @Test
    void aNewEntryIsDueAfterTheFirstWaitAndAFailedOneAtItsNextAttempt() throws Exception {
        StoreValidationQueue queue = replica("a");
        queue.enqueue(entry("e", T0));
        assertEquals(List.of(), queue.claimDue(DUE.minusMillis(1), FIRST_WAIT));

        PendingValidation claimed = queue.claimDue(DUE, FIRST_WAIT).getFirst();
        queue.update(claimed.failedOnce(DUE.plusSeconds(60)));

        assertEquals(List.of(), queue.claimDue(DUE.plusSeconds(59), FIRST_WAIT));
        assertEquals(1, queue.claimDue(DUE.plusSeconds(60), FIRST_WAIT).getFirst().attempts());
    }

    @Test
    void replicasClaimingAtOnceNeverClaimOneEntryTwice() throws Exception {
        int entries = 60;
        for (int i = 0; i < entries; i++) {
            replica("setup").enqueue(entry("e" + i, T0.plusMillis(i)));
        }
        Map<String, List<String>> claimants = new ConcurrentHashMap<>();
        List<Future<?>> replicas = new ArrayList<>();
        try (ExecutorService parallel = Executors.newFixedThreadPool(4)) {
            for (String id : List.of("r1", "r2", "r3", "r4")) {
                StoreValidationQueue queue = replica(id);
                replicas.add(parallel.submit(() -> {
                    while (queue.size() > 0) {
                        for (PendingValidation claimed : queue.claimDue(DUE.plusMillis(entries), FIRST_WAIT)) {
                            claimants.computeIfAbsent(claimed.id(), k -> new ArrayList<>()).add(id);
                            queue.done(claimed.id());
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> replica : replicas) {
            replica.get();
        }
        assertEquals(entries, claimants.size());
        claimants.forEach((entry, by) -> assertEquals(1, by.size(), entry + " was claimed by " + by));
    }

    @Test
    void aDeadReplicasClaimRunsOutAfterTheLeaseAndAReleasedOneAtOnce() throws Exception {
        StoreValidationQueue killed = replica("killed");
        StoreValidationQueue other = replica("other");
        killed.enqueue(entry("held", T0));
        killed.enqueue(entry("released", T0));

        assertEquals(List.of("held", "released"), ids(killed.claimDue(DUE, FIRST_WAIT)));
        killed.release("released");
        assertEquals(List.of("released"), ids(other.claimDue(DUE, FIRST_WAIT)));
        other.done("released");
        assertEquals(List.of(), other.claimDue(DUE.plus(LEASE).minusMillis(1), FIRST_WAIT),
                "held while the lease runs");

        assertEquals(List.of("held"), ids(other.claimDue(DUE.plus(LEASE), FIRST_WAIT)),
                "the killed replica never finished: its entry is claimable again");
    }

    @Test
    void aBatchIsAtMostTheRoundsShareOfTheDueEntries() throws Exception {
        StoreValidationQueue queue = replica("a");
        IntStream.range(0, StoreValidationQueue.CLAIMED_PER_ROUND + 3).forEach(i -> {
            try {
                queue.enqueue(entry("b" + i, T0.plusMillis(i)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Instant now = DUE.plusSeconds(1);
        assertEquals(StoreValidationQueue.CLAIMED_PER_ROUND, queue.claimDue(now, FIRST_WAIT).size());
        assertEquals(3, queue.claimDue(now, FIRST_WAIT).size());
    }
}
