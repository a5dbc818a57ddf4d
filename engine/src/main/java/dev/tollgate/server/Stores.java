package dev.tollgate.server;

import dev.tollgate.audit.CheckpointFile;
import dev.tollgate.audit.CheckpointStore;
import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.DecisionStore;
import dev.tollgate.audit.PostgresCheckpoints;
import dev.tollgate.audit.PostgresDecisionLog;
import dev.tollgate.audit.PostgresPolicyStore;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.audit.RecordRows;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.execute.PostgresTokenClaims;
import dev.tollgate.execute.TokenClaims;
import dev.tollgate.execute.UsedTokens;
import dev.tollgate.execute.offline.FileValidationQueue;
import dev.tollgate.execute.offline.StoreValidationQueue;
import dev.tollgate.execute.offline.StoreValidationStatuses;
import dev.tollgate.execute.offline.ValidationQueue;
import dev.tollgate.execute.offline.ValidationStatuses;
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
 * Where the records, used tokens, checkpoints, usage counts, the validation queue and the policy versions live: the
 * data directory's files (the default, one service), or the PostgreSQL store that replicas share, each writing its
 * own stream under its replica id.
 *
 * @param stream the id of this service's stream, in its checkpoints
 */
record Stores(String stream, DecisionStore log, CheckpointStore checkpoints, TokenClaims used,
              Optional<Shared> shared) {
    /**
     * The shared store's parts that its log writes rows for.
     *
     * @param store the pool, to close after the log and the last checkpoint
     */
    record Shared(PostgresStore store, StoreUsageCounts usage, StoreValidationStatuses validations) {
    }

    /** The stream id of the file store's one hash-chained stream. */
    private static final String FILE_STREAM = "file";

    static Stores open(TollgateConfig config, DestinationCatalog catalog, Clock clock) throws IOException {
        Path data = config.dataPath();
        if (!config.store().shared()) {
            DecisionLog log = DecisionLog.open(data.resolve("log"), config.log().segmentBytes(), clock);
            log.afterSeal(segment -> {
                LogUsageCounts.indexSealed(data.resolve("log"));
                ValidationStatuses.indexSealed(data.resolve("log"));
            });
            return new Stores(FILE_STREAM, log,
                    new CheckpointFile(data.resolve(CheckpointFile.NAME)), UsedTokens.fromLog(data.resolve("log"), clock),
                    Optional.empty());
        }
        String replica = replicaId(config.store());
        PostgresStore store = PostgresStore.open(config.store().url());
        try {
            store.lockStream(replica);
            Shared shared = new Shared(store, new StoreUsageCounts(store.dataSource(), catalog),
                    new StoreValidationStatuses(store.dataSource()));
            return new Stores(replica, PostgresDecisionLog.open(store.dataSource(), replica, clock,
                    RecordRows.all(shared.usage(), shared.validations())), new PostgresCheckpoints(store.dataSource()),
                    new PostgresTokenClaims(store.dataSource(), replica), Optional.of(shared));
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
        return shared.isPresent() ? shared.get().usage() : LogUsageCounts.fromLog(logDir, catalog);
    }

    /** Where validations stand: told by this service, and with a shared store asked there. */
    ValidationStatuses validationStatuses() {
        return shared.map(s -> new ValidationStatuses(s.validations()::find)).orElseGet(ValidationStatuses::new);
    }

    /** The validation queue: the shared store's, or the one in dir; entries sealed with the key in keyFile. */
    ValidationQueue validationQueue(Path dir, Path keyFile) throws IOException {
        return shared.isPresent() ? StoreValidationQueue.open(shared.get().store().dataSource(), stream, keyFile)
                : FileValidationQueue.open(dir, keyFile);
    }

    /** Where this replica records the policy versions it activates in the shared store; none with files. */
    Optional<PostgresPolicyStore> policies(Clock clock) {
        return shared.map(s -> new PostgresPolicyStore(s.store().dataSource(), stream, clock));
    }

    /** Closes the shared store's pool and gives up the stream's lock: after the log and the last checkpoint. */
    void closeShared() {
        shared.ifPresent(s -> s.store().close());
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
