package dev.tollgate.execute.offline;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * On-device answers waiting for a cloud validation, kept until the cloud is reachable again and the validation is
 * done: in the data directory ({@link FileValidationQueue}), or in the store that replicas share
 * ({@link StoreValidationQueue}), where each entry is attempted by one replica at a time. Every change is durable
 * before the call returns.
 */
public interface ValidationQueue extends AutoCloseable {
    /**
     * Adds an entry.
     *
     * @throws IllegalArgumentException when an entry with the same id is queued
     */
    void enqueue(PendingValidation validation) throws IOException;

    /**
     * Replaces a queued entry by this one (the same id, after a failed attempt), and gives up its claim.
     *
     * @throws IllegalArgumentException when no entry with its id is queued
     */
    void update(PendingValidation validation) throws IOException;

    /** Every readable entry, oldest first. */
    List<PendingValidation> pending() throws IOException;

    /**
     * The entries due at now ({@link PendingValidation#dueAt}) that this service is to attempt, oldest first: claimed
     * for it until it reports them {@link #done}, {@link #update updated} or {@link #release released}.
     */
    List<PendingValidation> claimDue(Instant now, Duration firstWait) throws IOException;

    /** Gives up the claim on an entry that was not attempted after all. */
    void release(String id) throws IOException;

    /** Removes the entry; an id that is not queued is ignored. */
    void done(String id) throws IOException;

    int size();

    @Override
    void close() throws IOException;
}
