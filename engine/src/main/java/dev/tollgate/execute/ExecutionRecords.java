package dev.tollgate.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.audit.DecisionLogUnavailableException;
import dev.tollgate.audit.DurableAppend;
import dev.tollgate.terms.Refusal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The execution side of the decision log, linked to decisions by decision id. Every record is durable before
 * the caller hears of it. Texts never go in: answers are recorded as an HMAC.
 * <ul>
 *   <li>{@code execution_started}: a token was accepted and claimed (single use survives restarts);</li>
 *   <li>{@code execution}: how it ended, "completed" or "failed";</li>
 *   <li>{@code execution_refused}: a token that was not honoured, and why;</li>
 *   <li>{@code validation}: the cloud's later check of an answer given while the cloud was unreachable.</li>
 * </ul>
 */
public final class ExecutionRecords {
    static final String STARTED = "execution_started";

    private final DecisionLog log;
    private final TextHmac hmac;

    public ExecutionRecords(DecisionLog log, TextHmac hmac) {
        this.log = log;
        this.hmac = hmac;
    }

    /**
     * Appends the claim of a token; the returned future completes when it is durable (so the caller can prepare
     * the execution meanwhile) and fails with {@link DecisionLogUnavailableException} if it cannot be.
     */
    CompletableFuture<Void> started(String decisionId, String application, Instant tokenExpiry) {
        ObjectNode record = record(STARTED, decisionId, application);
        record.put("token_expires_at", tokenExpiry.toString());
        return log.append(record).handle((appended, failure) -> {
            if (failure != null) {
                throw new DecisionLogUnavailableException(failure);
            }
            return null;
        });
    }

    /** @param decisionId null when the token was unreadable */
    void refused(String decisionId, String application, Refusal.Kind problem) {
        ObjectNode record = record("execution_refused", decisionId, application);
        record.put("problem", problem.wire());
        append(record);
    }

    void completed(String application, Execution execution, Answer answer, Map<String, Integer> maskedEntities,
                   long latencyNanos) {
        ObjectNode record = record("execution", execution.decisionId(), application);
        record.put("status", "completed");
        record.put("destination", execution.destination());
        record.put("strategy", execution.strategy().wire());
        record.put("escalated", execution.escalated());
        if (execution.confidence() != null) {
            record.put("confidence", execution.confidence());
        }
        record.put("prompt_tokens", execution.promptTokens());
        record.put("completion_tokens", execution.completionTokens());
        record.put("cloud_tokens_sent", answer.cloudTokensSent());
        record.set("masked_entities", Json.MAPPER.valueToTree(maskedEntities));
        record.put("latency_ms", latencyNanos / 1_000_000);
        record.put("model_ms", answer.modelNanos() / 1_000_000);
        record.put("human_oversight", execution.humanOversight());
        record.put("disclosed", execution.disclosure() != null);
        record.put("finish_reason", execution.finishReason());
        record.put("output_hmac", hmac.of(execution.content()));
        if (answer.validationQueued()) {
            record.put("validation_queued", true);
        }
        append(record);
    }

    void failed(String decisionId, String application, String destination, Refusal.Kind problem, long latencyNanos) {
        ObjectNode record = record("execution", decisionId, application);
        record.put("status", "failed");
        record.put("destination", destination);
        record.put("problem", problem.wire());
        record.put("latency_ms", latencyNanos / 1_000_000);
        append(record);
    }

    void validated(String decisionId, String destination, boolean agrees, String cloudAnswer) {
        ObjectNode record = record("validation", decisionId, null);
        record.put("destination", destination);
        record.put("verdict", agrees ? "agrees" : "corrected");
        record.put("output_hmac", hmac.of(cloudAnswer));
        append(record);
    }

    private static ObjectNode record(String type, String decisionId, String application) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("type", type);
        record.put("decision_id", decisionId);
        if (application != null) {
            record.put("application", application);
        }
        return record;
    }

    private void append(ObjectNode record) {
        DurableAppend.append(log, record);
    }
}
