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
    /** Decision id -> the figures of its completed execution, while a validation may still come. */
    private final Map<String, Figures> executions = new HashMap<>();

    private record Figures(double confidence, Double agreement) {
    }

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
                    JsonNode agreement = line.path("agreement");
                    if (line.path("confidence").isNumber()) {
                        executions.put(id, new Figures(line.path("confidence").asDouble(),
                                agreement.isNumber() ? agreement.asDouble() : null));
                    }
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
        Figures figures = executions.get(id);
        boolean known = ValidationRecord.AGREES.equals(verdict) || ValidationRecord.CORRECTED.equals(verdict);
        if (figures != null && known) {
            decisions.get(id).validated(new ValidatedAnswer(figures.confidence(), figures.agreement(),
                    ValidationRecord.CORRECTED.equals(verdict)));
        }
    }
}
