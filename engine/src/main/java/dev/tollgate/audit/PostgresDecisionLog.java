package dev.tollgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * This replica's stream in the shared store: records sealed by the rule of {@link DecisionLog}, one row each in
 * {@code log_records} under the replica id, each committed before its append completes. Appends of one replica
 * take turns, those that wait for a turn sharing one commit; replicas write their own streams side by side.
 * <p>
 * After a failed append the head is read back from the table before the next one: a commit whose answer was lost
 * may have gone through, and the chain goes on from what the store holds.
 */
public final class PostgresDecisionLog implements DecisionStore {
    private static final System.Logger LOG = System.getLogger(PostgresDecisionLog.class.getName());

    private final DataSource store;
    private final String stream;
    private final Clock clock;
    private final RecordRows rows;
    private final ReentrantLock turn = new ReentrantLock();
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private volatile DecisionLog.Head head;
    private volatile boolean stale;
    private volatile boolean lastWriteOk = true;
    private volatile boolean closed;
    private volatile LongConsumer afterWrite = seq -> {
    };

    private PostgresDecisionLog(DataSource store, String stream, Clock clock, RecordRows rows,
                                DecisionLog.Head head) {
        this.store = store;
        this.stream = stream;
        this.clock = clock;
        this.rows = rows;
        this.head = head;
    }

    /** Opens the stream of replica id stream, going on from its last record. */
    public static PostgresDecisionLog open(DataSource store, String stream, Clock clock) throws SQLException {
        return open(store, stream, clock, RecordRows.NONE);
    }

    /** The same, committing the rows that go with a record in the record's transaction. */
    public static PostgresDecisionLog open(DataSource store, String stream, Clock clock, RecordRows rows)
            throws SQLException {
        try (Connection connection = store.getConnection()) {
            DecisionLog.Head head = head(connection, stream);
            LOG.log(Level.INFO, "decision log: stream " + stream + " of the shared store, last seq " + head.seq());
            return new PostgresDecisionLog(store, stream, clock, rows, head);
        }
    }

    private static DecisionLog.Head head(Connection connection, String stream) throws SQLException {
        try (PreparedStatement last = connection.prepareStatement(
                "select seq, line from log_records where stream = ? order by seq desc limit 1")) {
            last.setString(1, stream);
            try (ResultSet row = last.executeQuery()) {
                if (!row.next()) {
                    return new DecisionLog.Head(0, HashChain.GENESIS);
                }
                long seq = row.getLong(1);
                String hash = HashChain.unseal(row.getString(2)).orElseThrow(() -> new SQLException(
                        "the last record of stream " + stream + " (seq " + seq + ") does not end with its hash field"))
                        .storedHash();
                return new DecisionLog.Head(seq, hash);
            }
        }
    }

    /** An append waiting for its turn: its body, serialised and as given, and whom to tell. */
    private record Waiting(byte[] serialised, ObjectNode body, CompletableFuture<DecisionLog.Appended> appended) {
    }

    /**
     * Group commit: the append that gets the turn writes every append waiting by then in one transaction, so that
     * appends arriving while a commit is under way share the next one.
     */
    @Override
    public CompletableFuture<DecisionLog.Appended> append(ObjectNode body) {
        Waiting own = new Waiting(HashChain.body(body), body, new CompletableFuture<>());
        waiting.add(own);
        turn.lock();
        try {
            if (!own.appended().isDone()) {
                List<Waiting> group = new ArrayList<>();
                for (Waiting next = waiting.poll(); next != null; next = waiting.poll()) {
                    group.add(next);
                }
                write(group);
            }
        } finally {
            turn.unlock();
        }
        return own.appended();
    }

    private void write(List<Waiting> group) {
        if (closed) {
            group.forEach(w -> w.appended().completeExceptionally(new IllegalStateException("decision log is closed")));
            return;
        }
        try (Connection connection = store.getConnection()) {
            if (stale) {
                head = head(connection, stream);
                stale = false;
            }
            List<DecisionLog.Appended> appended = insert(connection, group);
            DecisionLog.Appended last = appended.getLast();
            head = new DecisionLog.Head(last.seq(), last.hash());
            lastWriteOk = true;
            afterWrite.accept(last.seq());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).appended().complete(appended.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            stale = true;
            lastWriteOk = false;
            LOG.log(Level.WARNING, "decision log: append of " + group.size() + " records to stream " + stream
                    + " failed, last acknowledged seq " + head.seq() + ": " + e);
            group.forEach(w -> w.appended().completeExceptionally(e));
        }
    }

    /** Inserts the group after the head, with the rows that go with its records, in one transaction. */
    private List<DecisionLog.Appended> insert(Connection connection, List<Waiting> group) throws SQLException {
        // The pool sets auto-commit back when the connection returns to it.
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into log_records (stream, seq, time, line) values (?, ?, ?, ?)")) {
            List<DecisionLog.Appended> appended = new ArrayList<>();
            DecisionLog.Head before = head;
            for (Waiting w : group) {
                long seq = before.seq() + 1;
                Instant now = clock.instant();
                String time = now.toString();
                byte[] hashed = HashChain.hashedForm(seq, time, before.hash(), w.serialised());
                String hash = HashChain.sha256Hex(hashed);
                insert.setString(1, stream);
                insert.setLong(2, seq);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setString(4, new String(HashChain.seal(hashed, hash), StandardCharsets.UTF_8));
                insert.addBatch();
                if (rows.has(w.body())) {
                    rows.write(connection, w.body(), time);
                }
                appended.add(new DecisionLog.Appended(seq, hash, time));
                before = new DecisionLog.Head(seq, hash);
            }
            insert.executeBatch();
            connection.commit();
            return appended;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException lost) {
                e.addSuppressed(lost);
            }
            throw e;
        }
    }

    @Override
    public boolean writable() {
        return !closed && lastWriteOk;
    }

    /** Reaches the store and reads the head back, so that the next append goes on from what it holds. */
    @Override
    public boolean probe() {
        if (writable()) {
            return true;
        }
        turn.lock();
        try (Connection connection = store.getConnection()) {
            if (closed) {
                return false;
            }
            head = head(connection, stream);
            stale = false;
            lastWriteOk = true;
            return true;
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "decision log: the store is still unreachable: " + e);
            return false;
        } finally {
            turn.unlock();
        }
    }

    @Override
    public DecisionLog.Head head() {
        return head;
    }

    @Override
    public void afterWrite(LongConsumer listener) {
        this.afterWrite = listener;
    }

    /** Waits for the append under way; every acknowledged record is committed already. */
    @Override
    public void close() {
        turn.lock();
        try {
            closed = true;
        } finally {
            turn.unlock();
        }
    }
}
