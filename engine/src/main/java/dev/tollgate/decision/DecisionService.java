package dev.tollgate.decision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.DurableAppend;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.config.Application;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.terms.Effect;
import dev.tollgate.token.DecisionTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The decision flow: facts, every engine's packs, the combiner, then the durable log append, and only
 * then the answer.
 */
public final class DecisionService {
    private final FactsBuilder factsBuilder;
    private final List<Supplier<CompiledPolicy>> engines;
    private final DecisionLog log;
    private final TextHmac hmac;
    private final Clock clock;
    private final DecisionIds ids;
    private final Duration ttl;
    private final DecisionTokens tokens;
    private final Map<String, Integer> inputLimits;

    /** @param inputLimits destination id -> the most estimated input tokens it takes (an on-device context) */
    public DecisionService(FactsBuilder factsBuilder, List<Supplier<CompiledPolicy>> engines, DecisionLog log,
                           TextHmac hmac, DecisionTokens tokens, Clock clock, Duration ttl,
                           Map<String, Integer> inputLimits) {
        this.inputLimits = new TreeMap<>(inputLimits);
        this.factsBuilder = factsBuilder;
        this.engines = List.copyOf(engines);
        this.log = log;
        this.hmac = hmac;
        this.clock = clock;
        this.ids = new DecisionIds(clock);
        this.ttl = ttl;
        this.tokens = tokens;
    }

    /** Decides and logs; throws DecisionLogUnavailableException when the record is not durable. */
    public Decision decide(Application app, DecideRequest request) {
        FactsBuilder.Built built = factsBuilder.build(app, request);
        List<CompiledPolicy> policies = engines.stream().map(Supplier::get).toList();
        PolicyEvaluation.Evaluated evaluated = PolicyEvaluation.evaluate(policies, built.facts(),
                built.unavailableDetectors(), inputLimits);
        Instant expiresAt = clock.instant().plus(ttl);
        String id = ids.next();
        Outcome outcome = evaluated.outcome();
        String token = outcome.effect() == Effect.ALLOW
                ? tokens.issue(id, app.id(), CanonicalInput.of(request), new DecisionTokens.Terms(outcome.route(),
                outcome.obligations(), outcome.permittedDestinations()), expiresAt) : null;
        Decision decision = new Decision(id, outcome, built.findings(), evaluated.versions(), expiresAt.toString(),
                token);
        DurableAppend.append(log, record(app, request, built, decision, evaluated.engineDecisionIds()));
        return decision;
    }

    private ObjectNode record(Application app, DecideRequest request, FactsBuilder.Built built, Decision d,
                              Map<String, String> engineDecisionIds) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("type", "decision");
        record.put("decision_id", d.decisionId());
        record.put("application", app.id());
        record.set("policy_version", Json.MAPPER.valueToTree(d.policyVersion()));
        record.set("facts", Json.MAPPER.valueToTree(built.facts()));
        record.put("input_hmac", hmac.of(CanonicalInput.of(request)));
        record.set("findings", Json.MAPPER.valueToTree(d.findings()));
        record.set("outcome", Json.MAPPER.valueToTree(d.outcome()));
        record.put("expires_at", d.expiresAt());
        if (!built.unavailableDetectors().isEmpty()) {
            record.set("unavailable_detectors", Json.MAPPER.valueToTree(built.unavailableDetectors()));
        }
        if (!inputLimits.isEmpty()) {
            record.set("input_limits", Json.MAPPER.valueToTree(inputLimits));
        }
        if (!engineDecisionIds.isEmpty()) {
            record.set("engine_decision_ids", Json.MAPPER.valueToTree(engineDecisionIds));
        }
        return record;
    }
}
