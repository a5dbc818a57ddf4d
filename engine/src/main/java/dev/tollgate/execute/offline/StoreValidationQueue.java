package dev.tollgate.execute.offline;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validation queue in the store that replicas share ({@code validation_queue}), each entry sealed as
 * {@link EntryCipher} says under the validation-queue key every replica is given. A replica claims the due entries it
 * attempts with {@code FOR UPDATE SKIP LOCKED}, so two replicas never attempt one entry at once; a claim holds for
 * the lease, after which the entry is taken to be a dead replica's and is due again. An entry that does not open under
 * this replica's key is logged and left, its claim running out, for a replica that holds the right one.
 */
public final class StoreValidationQueue implements ValidationQueue {
    private static final Logger LOG = System.getLogger(StoreValidationQueue.class.getName());
    /** Longer than a round's attempts take: each is one cloud call, bounded by the destination's timeout. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** Entries claimed at most per round, so that a round ends well within the lease. */
    static final int CLAIMED_PER_ROUND = 8;

    private final DataSource store;
    private final String replica;
    private final EntryCipher cipher;
    private final Duration lease;
    private volatile int lastSize;

    StoreValidationQueue(DataSource store, String replica, EntryCipher cipher, Duration lease) {
        this.store = store;
        this.replica = replica;
        this.cipher = cipher;
        this.lease = lease;
    }

    /** The shared queue as replica sees it, sealing entries with the key in keyFile (created if missing). */
    public static StoreValidationQueue open(DataSource store, String replica, Path keyFile) throws IOException {
        return new StoreValidationQueue(store, replica, EntryCipher.open(keyFile), LEASE);
    }

    @Override
    public void enqueue(PendingValidation validation) throws IOException {
        boolean added = write("insert into validation_queue (attempts, next_attempt_at, entry, queued_at,"
                + " decision_id, application, id) values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing", validation);
        if (!added) {
            throw new IllegalArgumentException("validation " + validation.id() + " is already queued");
        }
    }

    @Override
    public void update(PendingValidation validation) throws IOException {
        boolean updated = write("update validation_queue set attempts = ?, next_attempt_at = ?, entry = ?,"
                + " queued_at = ?, decision_id = ?, application = ?, claimed_by = null, claimed_at = null where id = ?",
                validation);
        if (!updated) {
            throw new IllegalArgumentException("validation " + validation.id() + " is not queued");
        }
    }

    private boolean write(String sql, PendingValidation validation) throws IOException {
        try (Connection connection = store.getConnection(); PreparedStatement write = connection.prepareStatement(sql)) {
            write.setInt(1, validation.attempts());
            write.setTimestamp(2, Timestamp.from(validation.nextAttemptAt()));
            write.setBytes(3, cipher.seal(validation));
            write.setTimestamp(4, Timestamp.from(validation.queuedAt()));
            write.setString(5, validation.decisionId());
            write.setString(6, validation.application());
            write.setString(7, validation.id());
            return write.executeUpdate() == 1;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<PendingValidation> pending() throws IOException {
        try (Connection connection = store.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select id, entry from validation_queue order by queued_at, id")) {
            return readable(select);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<PendingValidation> claimDue(Instant now, Duration firstWait) throws IOException {
        try (Connection connection = store.getConnection(); PreparedStatement claim = connection.prepareStatement("""
                update validation_queue set claimed_by = ?, claimed_at = ?
                where id in (select id from validation_queue
                             where (claimed_at is null or claimed_at <= ?)
                               and ((attempts = 0 and queued_at <= ?) or (attempts > 0 and next_attempt_at <= ?))
                             order by queued_at, id limit ? for update skip locked)
                returning id, entry""")) {
            claim.setString(1, replica);
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setTimestamp(3, Timestamp.from(now.minus(lease)));
            claim.setTimestamp(4, Timestamp.from(now.minus(firstWait)));
            claim.setTimestamp(5, Timestamp.from(now));
            claim.setInt(6, CLAIMED_PER_ROUND);
            List<PendingValidation> claimed = new ArrayList<>(readable(claim));
            claimed.sort(PendingValidation.OLDEST_FIRST);
            return claimed;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void release(String id) throws IOException {
        try (Connection connection = store.getConnection(); PreparedStatement release = connection.prepareStatement(
                "update validation_queue set claimed_by = null, claimed_at = null where id = ? and claimed_by = ?")) {
            release.setString(1, id);
            release.setString(2, replica);
            release.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void done(String id) throws IOException {
        try (Connection connection = store.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "delete from validation_queue where id = ?")) {
            delete.setString(1, PendingValidation.requireValidId(id));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The entries queued, or the last count read while the store does not answer. */
    @Override
    public int size() {
        try (Connection connection = store.getConnection(); PreparedStatement count = connection.prepareStatement(
                "select count(*) from validation_queue"); ResultSet row = count.executeQuery()) {
            row.next();
            lastSize = row.getInt(1);
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "validation queue: the store is unreachable, backlog as last read: " + e);
        }
        return lastSize;
    }

    /** The store's pool is closed with the store. */
    @Override
    public void close() {
    }

    private List<PendingValidation> readable(PreparedStatement query) throws SQLException {
        List<PendingValidation> entries = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                opened(rows.getString(1), rows.getBytes(2)).ifPresent(entries::add);
            }
        }
        return entries;
    }

    private Optional<PendingValidation> opened(String id, byte[] sealed) {
        try {
            return Optional.of(cipher.open(id, sealed));
        } catch (GeneralSecurityException | IOException | RuntimeException unreadable) {
            // The cause's class only: a parser's message may quote the decrypted text.
            LOG.log(Level.WARNING, "validation queue: entry " + id + " does not open under this replica's key ("
                    + unreadable.getClass().getSimpleName() + "); give every replica the same keys/");
            return Optional.empty();
        }
    }

    private static IOException unavailable(SQLException e) {
        return new IOException("the validation queue in the store is unavailable: " + e.getMessage(), e);
    }
}
