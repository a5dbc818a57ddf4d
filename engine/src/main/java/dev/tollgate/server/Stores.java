package dev.tollgate.server;

import dev.tollgate.audit.CheckpointFile;
import dev.tollgate.audit.CheckpointStore;
import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.DecisionStore;
import dev.tollgate.audit.PostgresCheckpoints;
import dev.tollgate.audit.PostgresDecisionLog;
import dev.tollgate.audit.PostgresPolicyStore;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.execute.PostgresTokenClaims;
import dev.tollgate.execute.TokenClaims;
import dev.tollgate.execute.UsedTokens;
import dev.tollgate.execute.offline.FileValidationQueue;
import dev.tollgate.execute.offline.StoreValidationQueue;
import dev.tollgate.execute.offline.ValidationQueue;
import dev.tollgate.execute.usage.LogUsageCounts;
import dev.tollgate.execute.usage.StoreUsageCounts;
import dev.tollgate.execute.usage.UsageCounts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Where the records, used tokens, checkpoints, usage counts, the validation queue and the policy versions live: the data directory's files (the default, one service), or
 * the PostgreSQL store that replicas share, each writing its own stream under its replica id.
 *
 * @param stream the id of this service's stream, in its checkpoints
 * @param shared the shared store's pool, to close after the log and the last checkpoint
 * @param sharedUsage the shared store's usage counters, which its log counts into
 */
record Stores(String stream, DecisionStore log, CheckpointStore checkpoints, TokenClaims used,
              Optional<PostgresStore> shared, Optional<UsageCounts> sharedUsage) {
    /** The stream id of the file store's one hash-chained stream. */
    private static final String FILE_STREAM = "file";

    static Stores open(TollgateConfig config, DestinationCatalog catalog, Clock clock) throws IOException {
        Path data = config.dataPath();
        if (!config.store().shared()) {
            return new Stores(FILE_STREAM, DecisionLog.open(data.resolve("log"), config.log().segmentBytes(), clock),
                    new CheckpointFile(data.resolve(CheckpointFile.NAME)), UsedTokens.fromLog(data.resolve("log"), clock),
                    Optional.empty(), Optional.empty());
        }
        String replica = replicaId(config.store());
        PostgresStore store = PostgresStore.open(config.store().url());
        try {
            store.lockStream(replica);
            StoreUsageCounts usage = new StoreUsageCounts(store.dataSource(), catalog);
            return new Stores(replica, PostgresDecisionLog.open(store.dataSource(), replica, clock, usage),
                    new PostgresCheckpoints(store.dataSource()), new PostgresTokenClaims(store.dataSource(), replica),
                    Optional.of(store), Optional.of(usage));
        } catch (PostgresStore.StoreException e) {
            store.close();
            throw e;
        } catch (SQLException | RuntimeException e) {
            store.close();
            throw new PostgresStore.StoreException("the store " + PostgresStore.redacted(config.store().url())
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The usage counts: the shared store's, or rebuilt from the data directory's log. */
    UsageCounts usage(Path logDir, DestinationCatalog catalog) throws IOException {
        return sharedUsage.isPresent() ? sharedUsage.get() : LogUsageCounts.fromLog(logDir, catalog);
    }

    /** The validation queue: the shared store's, or the one in dir; entries sealed with the key in keyFile. */
    ValidationQueue validationQueue(Path dir, Path keyFile) throws IOException {
        return shared.isPresent() ? StoreValidationQueue.open(shared.get().dataSource(), stream, keyFile)
                : FileValidationQueue.open(dir, keyFile);
    }

    /** Where this replica records the policy versions it activates in the shared store; none with files. */
    Optional<PostgresPolicyStore> policies(Clock clock) {
        return shared.map(store -> new PostgresPolicyStore(store.dataSource(), stream, clock));
    }

    private static String replicaId(TollgateConfig.Store store) throws IOException {
        if (!store.replicaId().isBlank()) {
            return store.replicaId();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IOException("no replica id: set TOLLGATE_REPLICA_ID (the host name is unknown)", e);
        }
    }
}
