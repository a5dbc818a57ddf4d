package dev.tollgate.cli;

import dev.tollgate.audit.LogEntry;
import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.audit.StoreRecords;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;

/** The records a command reads: a data directory's log, or every stream of the shared store in time order. */
record LogRecords(Iterator<LogEntry> entries, AutoCloseable source) implements AutoCloseable {
    static LogRecords of(Path log) throws IOException {
        LogReader reader = LogReader.open(log);
        return new LogRecords(reader, reader);
    }

    /** Every stream's records with from &lt;= time &lt; to. */
    static LogRecords of(String url, Instant from, Instant to) {
        PostgresStore store = PostgresStore.connect(url);
        try {
            StoreRecords records = StoreRecords.all(store.dataSource(), from, to);
            return new LogRecords(records, () -> {
                records.close();
                store.close();
            });
        } catch (SQLException e) {
            store.close();
            throw new PostgresStore.StoreException("the store could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        source.close();
    }
}
