package dev.tollgate.decision;

import dev.tollgate.audit.DecisionStore;
import dev.tollgate.audit.DecisionRecord;
import dev.tollgate.audit.DurableAppend;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.config.Application;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.Outcome;
import dev.tollgate.terms.Effect;
import dev.tollgate.terms.RequestIds;
import dev.tollgate.token.DecisionTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The decision flow: facts, the engines' packs, the combiner, then the durable log append, and only
 * then the answer.
 * <p>
 * With more than one engine, every {@code allEnginesEvery}-th decision is evaluated by all of them (their verdicts
 * combined, deny-overrides) and the others by the first engine alone (docs/benchmarks.md says why). On a decision
 * that all engines evaluated, the first engine's own outcome is compared with the combined one, and a difference
 * in effect, route, permitted destinations or obligations is counted as a disagreement. The log records which
 * engines' versions decided, so replay evaluates the same engines.
 */
public final class DecisionService {
    private static final System.Logger LOG = System.getLogger(DecisionService.class.getName());
    private final FactsBuilder factsBuilder;
    private final List<Supplier<CompiledPolicy>> engines;
    private final DecisionStore log;
    private final TextHmac hmac;
    private final Clock clock;
    private final DecisionIds ids;
    private final Duration ttl;
    private final DecisionTokens tokens;
    private final Map<String, Integer> inputLimits;
    private final Map<String, String> logicVersion;
    private final int allEnginesEvery;
    private final AtomicLong decisions = new AtomicLong();
    private final LongAdder disagreements = new LongAdder();
    private final BiConsumer<Application, Decision> logged;

    /**
     * @param inputLimits  destination id -> the most estimated input tokens it takes (an on-device context)
     * @param logicVersion the versions of the logic that decides ({@link LogicVersions}), logged with each decision
     * @param allEnginesEvery 1: every decision is evaluated by every engine; n: every n-th, the others by the first
     * @param logged       told of every decision once it is logged, before it is answered
     */
    public DecisionService(FactsBuilder factsBuilder, List<Supplier<CompiledPolicy>> engines, DecisionStore log,
                           TextHmac hmac, DecisionTokens tokens, Clock clock, Duration ttl,
                           Map<String, Integer> inputLimits, Map<String, String> logicVersion, int allEnginesEvery,
                           BiConsumer<Application, Decision> logged) {
        if (allEnginesEvery < 1) {
            throw new IllegalArgumentException("allEnginesEvery must be at least 1");
        }
        this.allEnginesEvery = allEnginesEvery;
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
        this.logged = logged;
    }

    /** Decides and logs; throws DecisionLogUnavailableException when the record is not durable. */
    public Decision decide(Application app, DecideRequest request) {
        FactsBuilder.Built built = factsBuilder.build(app, request);
        List<CompiledPolicy> policies = engines.stream().map(Supplier::get).toList();
        boolean allEngines = decisions.getAndIncrement() % allEnginesEvery == 0;
        PolicyEvaluation.Evaluated evaluated = PolicyEvaluation.evaluate(allEngines ? policies : policies.subList(0, 1),
                built.facts(), built.unavailableDetectors(), inputLimits);
        Instant expiresAt = clock.instant().plus(ttl);
        String id = ids.next();
        if (allEngines && policies.size() > 1) {
            compareWithFirstEngine(id, policies.getFirst(), built, evaluated.outcome());
        }
        Outcome outcome = evaluated.outcome();
        String input = CanonicalInput.of(request);
        String token = outcome.effect() == Effect.ALLOW
                ? tokens.issue(id, app.id(), input, new DecisionTokens.Terms(outcome.route(),
                outcome.obligations(), outcome.permittedDestinations(), built.facts().request().maxLatencyMs()),
                expiresAt) : null;
        Decision decision = new Decision(id, outcome, built.findings(), evaluated.versions(), expiresAt.toString(),
                token, evaluated.deniedBy());
        Optional<RequestIds> http = RequestIds.current();
        DurableAppend.append(log, new DecisionRecord(id, app.id(), decision.policyVersion(), logicVersion, built.facts(),
                hmac.of(input), decision.findings(), outcome, decision.expiresAt(),
                built.unavailableDetectors(), inputLimits, evaluated.engineDecisionIds(),
                http.map(RequestIds::requestId).orElse(null), http.map(RequestIds::traceId).orElse(null)));
        logged.accept(app, decision);
        return decision;
    }

    private void compareWithFirstEngine(String id, CompiledPolicy first, FactsBuilder.Built built, Outcome all) {
        Outcome alone = PolicyEvaluation.evaluate(List.of(first), built.facts(), built.unavailableDetectors(),
                inputLimits).outcome();
        if (alone.effect() != all.effect() || !Objects.equals(alone.route(), all.route())
                || !alone.permittedDestinations().equals(all.permittedDestinations())
                || !alone.obligations().equals(all.obligations())) {
            disagreements.increment();
            LOG.log(System.Logger.Level.WARNING, "engines disagree on decision " + id + ": " + first.engine()
                    + " alone " + alone.effect() + " " + alone.route() + ", all engines " + all.effect() + " "
                    + all.route());
        }
    }

    /** Decisions all engines evaluated on which the first engine alone would have decided otherwise. */
    public long engineDisagreements() {
        return disagreements.sum();
    }
}
