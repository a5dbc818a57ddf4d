package dev.tollgate.audit;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads records of the shared store back, through a cursor: one stream in seq order (for its chain), or every stream
 * in time order (for linkage and export). A record's {@link LogEntry#file()} is its stream id and its line number is
 * its position in what is read, as a file's line would be. A row that is not JSON is a {@link LogFormatException}.
 */
public final class StoreRecords implements Iterator<LogEntry>, AutoCloseable {
    private static final int FETCH = 1000;

    private final Connection connection;
    private final PreparedStatement query;
    private final ResultSet rows;
    private long position;
    private LogEntry next;

    private StoreRecords(DataSource store, String sql, Object... parameters) throws SQLException {
        connection = store.getConnection();
        try {
            // PostgreSQL streams rows through a cursor only inside a transaction.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            query = connection.prepareStatement(sql);
            query.setFetchSize(FETCH);
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            rows = query.executeQuery();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Every stream id with records or checkpoints: a stream whose records were all deleted is still listed. */
    public static List<String> streams(DataSource store) throws SQLException {
        try (Connection connection = store.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select stream from log_records union select stream from checkpoints order by 1");
             ResultSet rows = query.executeQuery()) {
            List<String> streams = new ArrayList<>();
            while (rows.next()) {
                streams.add(rows.getString(1));
            }
            return streams;
        }
    }

    /** One stream's records in seq order. */
    public static StoreRecords stream(DataSource store, String stream) throws SQLException {
        return new StoreRecords(store, "select stream, line from log_records where stream = ? order by seq", stream);
    }

    /** One stream's records after seq, in seq order: what it appended since a reader last looked. */
    public static StoreRecords after(DataSource store, String stream, long seq) throws SQLException {
        return new StoreRecords(store, "select stream, line from log_records where stream = ? and seq > ? order by seq",
                stream, seq);
    }

    /** Every stream's records with from &lt;= time &lt; to, in time order (then stream and seq). */
    public static StoreRecords all(DataSource store, Instant from, Instant to) throws SQLException {
        return new StoreRecords(store, "select stream, line from log_records where time >= ? and time < ?"
                + " order by time, stream, seq", bound(from), bound(to));
    }

    /** Instant.MIN and MAX are beyond what PostgreSQL's timestamps hold. */
    private static Timestamp bound(Instant instant) {
        Instant earliest = Instant.parse("0001-01-01T00:00:00Z");
        Instant latest = Instant.parse("9999-12-31T00:00:00Z");
        return Timestamp.from(instant.isBefore(earliest) ? earliest : instant.isAfter(latest) ? latest : instant);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                if (rows.next()) {
                    position++;
                    Path stream = Path.of(rows.getString(1));
                    String line = rows.getString(2);
                    next = new LogEntry(stream, position, line, LogReader.parse(stream, position, line));
                }
            } catch (SQLException e) {
                throw new PostgresStore.StoreException("the store could not be read: " + e.getMessage(), e);
            }
        }
        return next != null;
    }

    @Override
    public LogEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        LogEntry entry = next;
        next = null;
        return entry;
    }

    @Override
    public void close() throws SQLException {
        try (connection; query; rows) {
            connection.rollback();
        }
    }
}
