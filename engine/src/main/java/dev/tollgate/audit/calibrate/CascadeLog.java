package dev.tollgate.audit.calibrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.audit.LogReader;
import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.terms.Route;
import dev.tollgate.terms.Strategy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the decision log once for what calibrating cascade thresholds needs, per routing rule: its cascade
 * decisions (task type and route), their completed executions (confidence, agreement, escalated) and the cloud's
 * validations of their on-device answers ({@code agrees} or {@code corrected}). Routes the combiner overrode are
 * static, and routes logged before they named their rule cannot be told apart: neither is read.
 */
public final class CascadeLog {
    private final Map<String, CascadeHistory> byRule = new TreeMap<>();
    private final Map<String, CascadeHistory> decisions = new HashMap<>();
    private final Map<String, JsonNode> executions = new HashMap<>();

    private CascadeLog() {
    }

    /** The cascade rules the log in {@code logDir} knows, by rule id. */
    public static List<CascadeHistory> read(Path logDir) throws IOException {
        CascadeLog log = new CascadeLog();
        try (LogReader reader = LogReader.open(logDir)) {
            while (reader.hasNext()) {
                log.add(reader.next().json());
            }
        }
        return List.copyOf(log.byRule.values());
    }

    private void add(JsonNode line) throws JsonProcessingException {
        String id = line.path("decision_id").asText(null);
        switch (line.path("type").asText()) {
            case "decision" -> decided(id, line);
            case "execution" -> {
                CascadeHistory history = decisions.get(id);
                if (history != null && "completed".equals(line.path("status").asText())) {
                    history.executed(line.path("escalated").asBoolean());
                    executions.put(id, line);
                }
            }
            case "validation" -> validated(id, line.path("verdict").asText());
            default -> {
            }
        }
    }

    private void decided(String id, JsonNode line) throws JsonProcessingException {
        JsonNode routeJson = line.path("outcome").path("route");
        if (!routeJson.isObject()) {
            return;
        }
        Route route = Json.MAPPER.treeToValue(routeJson, Route.class);
        if (route.strategy() != Strategy.CASCADE || route.routedBy() == null) {
            return;
        }
        CascadeHistory history = byRule.computeIfAbsent(route.routedBy(), CascadeHistory::new);
        history.decided(line.path("facts").path("request").path("task_type").asText(null), route.escalateBelow(),
                route.consistency());
        decisions.put(id, history);
    }

    private void validated(String id, String verdict) {
        JsonNode execution = executions.get(id);
        boolean known = ValidationRecord.AGREES.equals(verdict) || ValidationRecord.CORRECTED.equals(verdict);
        if (execution == null || !known || !execution.path("confidence").isNumber()) {
            return;
        }
        JsonNode agreement = execution.path("agreement");
        decisions.get(id).validated(new ValidatedAnswer(execution.path("confidence").asDouble(),
                agreement.isNumber() ? agreement.asDouble() : null, ValidationRecord.CORRECTED.equals(verdict)));
    }
}
