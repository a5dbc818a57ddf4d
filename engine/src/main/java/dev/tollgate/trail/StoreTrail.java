package dev.tollgate.trail;

import dev.tollgate.audit.ChainVerifier;
import dev.tollgate.audit.LogLine;
import dev.tollgate.audit.StoreRecords;
import dev.tollgate.audit.VerifyReport;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Every replica's stream of the shared store. What was appended is read per stream after the last seq seen, so that a
 * look costs what the replicas appended since.
 */
final class StoreTrail implements TrailSource {
    private final DataSource store;
    /** stream -> the seq of its last record handed on */
    private final Map<String, Long> seen = new HashMap<>();

    StoreTrail(DataSource store) {
        this.store = store;
    }

    @Override
    public <T, E extends Exception> T read(Reading<T, E> reading) throws IOException, E {
        try (StoreRecords records = StoreRecords.all(store, Instant.MIN, Instant.MAX)) {
            return reading.read(records);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    @Override
    public synchronized void readNew(Consumer<LoggedRecord> appended) throws IOException {
        try {
            for (String stream : StoreRecords.streams(store)) {
                try (StoreRecords records = StoreRecords.after(store, stream, seen.getOrDefault(stream, 0L))) {
                    records.forEachRemaining(entry -> {
                        seen.put(stream, entry.json().path("seq").asLong());
                        LoggedRecord.of(LogLine.of(entry)).ifPresent(appended);
                    });
                }
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Map<String, VerifyReport> verify() throws IOException {
        Map<String, VerifyReport> streams = new TreeMap<>();
        try {
            for (String stream : StoreRecords.streams(store)) {
                try (StoreRecords records = StoreRecords.stream(store, stream)) {
                    streams.put(stream, new ChainVerifier().verify(records, line -> {
                    }));
                }
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
        return streams;
    }

    private static IOException unreadable(SQLException e) {
        return new IOException("the store could not be read: " + e.getMessage(), e);
    }
}
