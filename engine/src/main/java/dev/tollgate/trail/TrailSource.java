package dev.tollgate.trail;

import dev.tollgate.audit.LogEntry;
import dev.tollgate.audit.VerifyReport;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the audit trail is read: the data directory's log (one service), or every replica's stream of the shared
 * store, so that an auditor on any replica sees every replica's decisions.
 */
public interface TrailSource {
    static TrailSource of(Path logDir) {
        return new FileTrail(logDir);
    }

    static TrailSource of(DataSource store) {
        return new StoreTrail(store);
    }

    /** Reads the records from the start: the log's in log order, the store's in time order. */
    <T, E extends Exception> T read(Reading<T, E> reading) throws IOException, E;

    /**
     * Hands on the records appended since the last call (every one at the first call), each stream's in its order.
     * A line that is not a record is passed over: verify says where the trail is broken.
     */
    void readNew(Consumer<LoggedRecord> appended) throws IOException;

    /** Each stream's chain verified from its start, by stream id. */
    Map<String, VerifyReport> verify() throws IOException;

    interface Reading<T, E extends Exception> {
        T read(Iterator<LogEntry> records) throws E;
    }
}
