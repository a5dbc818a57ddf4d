package dev.tollgate.api;

import dev.tollgate.audit.DecisionStore;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PolicyProblem;
import dev.tollgate.policy.PolicyReloader;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * GET /health (everything), /health/live (the process answers), /health/ready (policies loaded, every required
 * detector answering, and the decision log able to append; 503 with the reasons otherwise). After a failed
 * append the log counts as able only once a probe or an append succeeds again. Policy files that failed to
 * reload are listed with file and line while the previous version stays active. {@code alerts} lists the alerts
 * that fire ({@link Alarms}).
 */
public final class HealthHandler implements HttpService {
    private final Map<String, PolicyReloader> engines;
    private final DecisionStore log;
    private final Map<String, BooleanSupplier> requiredDetectors;
    private final Alarms alarms;

    /**
     * @param requiredDetectors detector name -> its health probe, for detectors without which nothing is decided
     * @param alarms            the alerts /health lists when they fire; they do not make the service unready
     */
    public HealthHandler(Map<String, PolicyReloader> engines, DecisionStore log,
                         Map<String, BooleanSupplier> requiredDetectors, Alarms alarms) {
        this.engines = new LinkedHashMap<>(engines);
        this.log = log;
        this.requiredDetectors = new LinkedHashMap<>(requiredDetectors);
        this.alarms = alarms;
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

    record Health(String status, boolean live, boolean ready, List<String> reasons, Map<String, EngineHealth> policies,
                  Map<String, Boolean> requiredDetectors, LogHealth decisionLog, List<Alarms.Alert> alerts) {
    }

    record Readiness(String status, List<String> reasons) {
    }

    private Health snapshot() {
        Map<String, EngineHealth> policies = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        for (var entry : engines.entrySet()) {
            CompiledPolicy current = entry.getValue().current();
            if (current == null) {
                reasons.add("no policy version of engine '" + entry.getKey() + "' is loaded");
            }
            policies.put(entry.getKey(), new EngineHealth(current == null ? null : current.digest(),
                    current == null ? Map.of() : current.ruleCounts(),
                    entry.getValue().lastProblems().stream().map(PolicyProblem::toString).toList()));
        }
        Map<String, Boolean> detectors = new LinkedHashMap<>();
        requiredDetectors.forEach((name, probe) -> {
            boolean up = probe.getAsBoolean();
            detectors.put(name, up);
            if (!up) {
                reasons.add("the required PII detector '" + name + "' does not answer, so every decision is denied");
            }
        });
        boolean appendable = log.probe();
        if (!appendable) {
            reasons.add("the decision log cannot be appended to, so no decision can be made");
        }
        boolean ready = reasons.isEmpty();
        return new Health(ready ? "UP" : "DOWN", true, ready, List.copyOf(reasons), policies, detectors,
                new LogHealth(appendable, log.lastSeq(), log.headHash()), alarms.firing(appendable));
    }

    private void health(ServerRequest req, ServerResponse res) {
        Health health = snapshot();
        Responses.json(res, health.ready() ? 200 : 503, health);
    }

    private void ready(ServerRequest req, ServerResponse res) {
        Health health = snapshot();
        Responses.json(res, health.ready() ? 200 : 503, new Readiness(health.status(), health.reasons()));
    }
}
