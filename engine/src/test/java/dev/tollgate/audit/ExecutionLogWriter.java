package dev.tollgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes decision and execution records shaped as the decide and execute services write them, through the real
 * {@link DecisionLog}, so linkage tests read a log exactly as verify does. Every record is stamped
 * {@link #NOW}; each append returns the record's seq.
 */
public final class ExecutionLogWriter implements AutoCloseable {
    public static final Instant NOW = TestLogs.CLOCK.instant();
    public static final String LATER = NOW.plus(Duration.ofMinutes(5)).toString();

    private final DecisionLog log;

    public ExecutionLogWriter(Path logDir, long maxSegmentBytes) throws IOException {
        log = DecisionLog.open(logDir, maxSegmentBytes, TestLogs.CLOCK);
    }

    /** An allowed decision expiring 5 minutes after {@link #NOW}; returns its id. */
    public String allowed(String... permitted) {
        return decision("allow", LATER, permitted);
    }

    public String decision(String effect, String expiresAt, String... permitted) {
        String id = UUID.randomUUID().toString();
        decisionWithId(id, effect, expiresAt, permitted);
        return id;
    }

    /** A decision with a given id; returns its seq. */
    public long decisionWithId(String id, String effect, String expiresAt, String... permitted) {
        ObjectNode record = record("decision", id);
        record.put("application", "claims");
        record.putObject("policy_version").put("drools", "sha256:" + "ab".repeat(32));
        ObjectNode outcome = record.putObject("outcome");
        outcome.put("effect", effect);
        outcome.putObject("route").put("destination", permitted.length == 0 ? null : permitted[0]);
        var destinations = outcome.putArray("permitted_destinations");
        for (String destination : permitted) {
            destinations.add(destination);
        }
        outcome.putArray("obligations");
        outcome.putArray("reasons");
        record.put("expires_at", expiresAt);
        return append(record);
    }

    public long started(String id) {
        ObjectNode record = record("execution_started", id);
        record.put("application", "claims");
        record.put("token_expires_at", LATER);
        return append(record);
    }

    public long completed(String id, String destination, String strategy) {
        return append(completedRecord(id, destination, strategy));
    }

    /** An answer given on-device while the cloud was unreachable, its cloud validation queued. */
    public long offline(String id, String destination) {
        ObjectNode record = completedRecord(id, destination, "offline");
        record.put("validation_queued", true);
        return append(record);
    }

    /** A draft the on-device destination wrote and the cloud destination checked. */
    public long checkedByCloud(String id, String destination, String cloud) {
        ObjectNode record = completedRecord(id, destination, "draft_verify");
        record.put("cloud_destination", cloud);
        record.put("cloud_tokens_in", 40);
        record.put("cloud_tokens_out", 2);
        return append(record);
    }

    public long failed(String id, String destination, String problem) {
        ObjectNode record = record("execution", id);
        record.put("application", "claims");
        record.put("status", "failed");
        record.put("destination", destination);
        record.put("problem", problem);
        record.put("latency_ms", 30_000);
        return append(record);
    }

    /** @param id null for a token that could not be read */
    public long refused(String id, String problem) {
        ObjectNode record = record("execution_refused", id);
        record.put("application", "claims");
        record.put("problem", problem);
        return append(record);
    }

    public long validation(String id, String destination) {
        ObjectNode record = record("validation", id);
        record.put("destination", destination);
        record.put("verdict", "agrees");
        record.put("output_hmac", "hmac-sha256:" + "cd".repeat(32));
        return append(record);
    }

    /** An answer held for a reviewer (human_oversight: hold). */
    public long held(String id, String destination) {
        ObjectNode record = completedRecord(id, destination, "static");
        record.put("human_oversight", true);
        record.put("held_for_review", true);
        return append(record);
    }

    public long review(String id, String verdict) {
        ObjectNode record = record("review", id);
        record.put("application", "claims");
        record.put("verdict", verdict);
        record.put("reviewer_key_sha256", "9d".repeat(32));
        record.put("comment_hmac", "hmac-sha256:" + "aa".repeat(32));
        return append(record);
    }

    public long lateAnswer(String id, String destination) {
        ObjectNode record = record("late_answer", id);
        record.put("destination", destination);
        record.put("latency_ms", 3012);
        record.put("output_hmac", "hmac-sha256:" + "ef".repeat(32));
        return append(record);
    }

    private long append(ObjectNode record) {
        return log.append(record).join().seq();
    }

    @Override
    public void close() {
        log.close();
    }

    private static ObjectNode completedRecord(String id, String destination, String strategy) {
        ObjectNode record = record("execution", id);
        record.put("application", "claims");
        record.put("status", "completed");
        record.put("destination", destination);
        record.put("strategy", strategy);
        record.put("escalated", false);
        record.put("prompt_tokens", 120);
        record.put("completion_tokens", 40);
        record.put("cloud_tokens_sent", 0);
        record.putObject("masked_entities").put("PERSON", 1);
        record.put("latency_ms", 850);
        record.put("model_ms", 800);
        record.put("human_oversight", false);
        record.put("disclosed", true);
        record.put("finish_reason", "stop");
        record.put("output_hmac", "hmac-sha256:" + "ef".repeat(32));
        return record;
    }

    private static ObjectNode record(String type, String id) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("type", type);
        record.put("decision_id", id);
        return record;
    }
}
