package dev.tollgate.decision;

import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.DecisionRecord;
import dev.tollgate.audit.DurableAppend;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.config.Application;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.Outcome;
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
    private final Map<String, String> logicVersion;

    /**
     * @param inputLimits  destination id -> the most estimated input tokens it takes (an on-device context)
     * @param logicVersion the versions of the logic that decides ({@link LogicVersions}), logged with each decision
     */
    public DecisionService(FactsBuilder factsBuilder, List<Supplier<CompiledPolicy>> engines, DecisionLog log,
                           TextHmac hmac, DecisionTokens tokens, Clock clock, Duration ttl,
                           Map<String, Integer> inputLimits, Map<String, String> logicVersion) {
        this.inputLimits = new TreeMap<>(inputLimits);
        this.logicVersion = new TreeMap<>(logicVersion);
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
                token, evaluated.deniedBy());
        DurableAppend.append(log, new DecisionRecord(id, app.id(), decision.policyVersion(), logicVersion, built.facts(),
                hmac.of(CanonicalInput.of(request)), decision.findings(), outcome, decision.expiresAt(),
                built.unavailableDetectors(), inputLimits, evaluated.engineDecisionIds()));
        return decision;
    }
}
