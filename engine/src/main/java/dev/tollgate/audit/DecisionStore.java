package dev.tollgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * Where this service appends its hash-chained stream of records: the files of {@link DecisionLog} (the default),
 * or a stream of a store that replicas share ({@link PostgresDecisionLog}). Both seal records by the rule
 * {@link DecisionLog} specifies, and complete an append only once the record is durable.
 */
public interface DecisionStore extends AutoCloseable {
    /** Appends a record as its line ({@link LogRecord#toJson}); see {@link #append(ObjectNode)}. */
    default CompletableFuture<DecisionLog.Appended> append(LogRecord record) {
        return append(LogRecord.toJson(record));
    }

    /**
     * Appends body with seq, time, prev_hash and hash added; the future completes once the record is durable, or
     * exceptionally if it could not be made so.
     *
     * @throws IllegalArgumentException if body has a field the log sets itself
     */
    CompletableFuture<DecisionLog.Appended> append(ObjectNode body);

    /** Whether appends are expected to succeed. */
    boolean writable();

    /** Whether an append would succeed now, for readiness: may try the store, unlike {@link #writable()}. */
    boolean probe();

    /** Seq and hash of the last acknowledged record, read together. */
    DecisionLog.Head head();

    default long lastSeq() {
        return head().seq();
    }

    default String headHash() {
        return head().hash();
    }

    /** Tells listener the seq of the last record of every durable write; it must only hand the news on. */
    void afterWrite(LongConsumer listener);

    /** Makes every append made before it durable, then closes; appends after close fail. */
    @Override
    void close();
}
