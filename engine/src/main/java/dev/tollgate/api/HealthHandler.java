package dev.tollgate.api;

import dev.tollgate.audit.DecisionLog;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PolicyProblem;
import dev.tollgate.policy.PolicyReloader;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /health (everything), /health/live (the process answers), /health/ready (policies loaded and the
 * decision log writable; 503 otherwise). Policy files that failed to reload are listed with file and line
 * while the previous version stays active.
 */
public final class HealthHandler implements HttpService {
    private final Map<String, PolicyReloader> engines;
    private final DecisionLog log;

    public HealthHandler(Map<String, PolicyReloader> engines, DecisionLog log) {
        this.engines = new LinkedHashMap<>(engines);
        this.log = log;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::health)
                .get("/live", (req, res) -> Responses.json(res, 200, Map.of("status", "UP")))
                .get("/ready", this::ready);
    }

    record EngineHealth(String version, Map<String, Integer> rules, List<String> problems) {
    }

    record LogHealth(boolean writable, long lastSeq, String headHash) {
    }

    record Health(String status, boolean live, boolean ready, Map<String, EngineHealth> policies, LogHealth decisionLog) {
    }

    private Health snapshot() {
        Map<String, EngineHealth> policies = new LinkedHashMap<>();
        boolean loaded = true;
        for (var entry : engines.entrySet()) {
            CompiledPolicy current = entry.getValue().current();
            loaded &= current != null;
            policies.put(entry.getKey(), new EngineHealth(current == null ? null : current.digest(),
                    current == null ? Map.of() : current.ruleCounts(),
                    entry.getValue().lastProblems().stream().map(PolicyProblem::toString).toList()));
        }
        boolean ready = loaded && log.writable();
        return new Health(ready ? "UP" : "DOWN", true, ready, policies,
                new LogHealth(log.writable(), log.lastSeq(), log.headHash()));
    }

    private void health(ServerRequest req, ServerResponse res) {
        Health health = snapshot();
        Responses.json(res, health.ready() ? 200 : 503, health);
    }

    private void ready(ServerRequest req, ServerResponse res) {
        boolean ready = snapshot().ready();
        Responses.json(res, ready ? 200 : 503, Map.of("status", ready ? "UP" : "DOWN"));
    }
}
