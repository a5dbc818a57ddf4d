package dev.tollgate.execute;

import dev.tollgate.terms.ClientAbortException;
import dev.tollgate.config.Application;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.decision.CanonicalInput;
import dev.tollgate.decision.DecideRequest;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.decision.Decision;
import dev.tollgate.audit.DecisionLogUnavailableException;
import dev.tollgate.decision.DecisionService;
import dev.tollgate.execute.review.ReviewDesk;
import dev.tollgate.execute.usage.UsageLedger;
import dev.tollgate.latency.ObservedLatencies;
import dev.tollgate.mask.Masker;
import dev.tollgate.pii.DetectorUnavailableException;
import dev.tollgate.pii.Recognizer;
import dev.tollgate.policy.Obligation;
import dev.tollgate.terms.Effect;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.terms.Refusal;
import dev.tollgate.terms.Refusal.Kind;
import dev.tollgate.token.DecisionTokens;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * Carries out allowed decisions: checks the token (signature, expiry, same input, same application, first
 * use), logs the start, masks the request per leg, runs the route's strategy, restores placeholders, adds the
 * disclosure and oversight flag the obligations ask for, and logs how it ended. Every refusal and failure is
 * logged too. An answer that needs human oversight, of an application that holds such answers, is not given: it
 * goes to the {@link ReviewDesk} (not streamed either), and the caller is given the review.
 */
public final class ExecuteService implements ChatGateway {
    private final DecisionService decisions;
    private final DecisionTokens tokens;
    private final TokenClaims used;
    private final ExecutionRecords records;
    private final Recognizer detector;
    private final Masker masker;
    private final StrategyRunner runner;
    private final ExecutionMetrics metrics;
    private final DestinationCatalog catalog;
    private final String disclosure;
    private final ObjLongConsumer<Decision> decided;
    private final UsageLedger usage;
    private final ReviewDesk reviews;

    private ExecuteService(DecisionService decisions, DecisionTokens tokens, TokenClaims used, ExecutionRecords records,
                           Recognizer detector, Masker masker, StrategyRunner runner, ExecutionMetrics metrics,
                           DestinationCatalog catalog, String disclosure, ObjLongConsumer<Decision> decided,
                           UsageLedger usage, ReviewDesk reviews) {
        this.decisions = decisions;
        this.tokens = tokens;
        this.used = used;
        this.records = records;
        this.detector = detector;
        this.masker = masker;
        this.runner = runner;
        this.metrics = metrics;
        this.catalog = catalog;
        this.disclosure = disclosure;
        this.decided = decided;
        this.usage = usage;
        this.reviews = reviews;
    }

    /**
     * @param used    the tokens used before, by this service or (in a shared store) by another replica
     * @param decided told of every decision {@link #chat} makes and how long it took (nanoseconds), as /v1/decide
     *                reports its own
     * @param usage   told of every completed execution once its record is durable
     * @param reviews where answers held for human review wait
     */
    public static ExecuteService create(DecisionService decisions, DecisionTokens tokens, ExecutionRecords records,
                                        TokenClaims used, Recognizer detector, Masker masker, ExecutorRegistry executors,
                                        DestinationCatalog catalog, Validations validations,
                                        ObservedLatencies latencies, MeterRegistry registry, String disclosure,
                                        Clock clock, ObjLongConsumer<Decision> decided, UsageLedger usage,
                                        ReviewDesk reviews) {
        StrategyRunner runner = new StrategyRunner(executors, catalog, validations, clock, latencies,
                (decisionId, destination, answer, nanos) -> records.late(decisionId, destination, answer.text(), nanos));
        return new ExecuteService(decisions, tokens, used, records, detector, masker,
                runner, new ExecutionMetrics(registry, catalog.destinations()), catalog, disclosure, decided, usage, reviews);
    }

    /**
     * Executes the decision the token stands for on these messages (the ones decided on).
     *
     * @param options how the caller asked the answer decoded
     * @param onText  receives the restored answer piece by piece; null: not streamed
     * @throws Refusal for a token not honoured, or when no answer could be given
     */
    public Execution execute(Application app, String token, List<Message> messages, int maxTokens,
                             ChatOptions options, Consumer<String> onText) {
        long start = System.nanoTime();
        DecisionTokens.Claims claims = verified(app, token, messages);
        String id = claims.decisionId();
        if (!used.claim(id, claims.expiresAt())) {
            throw refused(app, new Refusal(Kind.TOKEN_USED, "This decision was executed already; ask for a new decision",
                    id));
        }
        CompletableFuture<Void> claimed = records.started(id, app.id(), claims.expiresAt());
        String destination = claims.terms().route().destination();
        try {
            // Detection and masking overlap the claim's fsync; no model is called before the claim is durable.
            MaskedLegs legs = new MaskedLegs(messages, claims.terms().obligations(), detector, masker);
            durable(claimed, id);
            List<Obligation> obligations = claims.terms().obligations();
            boolean hold = app.holdsForReview() && has(obligations, ObligationType.HUMAN_OVERSIGHT);
            StreamingRestorer restorer = onText == null || hold ? null : new StreamingRestorer(legs, onText);
            String validationId = UUID.randomUUID().toString();
            Answer answer = runner.run(new StrategyRunner.Plan(id, app.id(), claims.terms(), legs, maxTokens, options,
                    start, validationId), restorer == null ? null : restorer::accept);
            if (restorer != null) {
                restorer.finish();
            }
            Execution execution = new Execution(id, answer.destination(), answer.strategy(), answer.escalated(),
                    legs.restore(answer.text()), answer.promptTokens(), answer.completionTokens(), answer.confidence(),
                    has(obligations, ObligationType.DISCLOSE_AI_INTERACTION) ? disclosure : null, has(obligations, ObligationType.HUMAN_OVERSIGHT),
                    answer.finishReason(), answer.validationQueued() ? validationId : null, null,
                    legs.restore(answer.toolCalls()));
            if (hold && !reviews.hold(app, id, answer.destination(), answer.strategy(),
                    legs.forReviewer(execution.content()), execution.content())) {
                throw ExecutionFailedException.reviewHoldFull(answer.destination());
            }
            long nanos = System.nanoTime() - start;
            ExecutionRecords.Completed completed = records.completed(app.id(), execution, answer,
                    legs.masked(answer.cloudLegRan()), nanos, hold);
            usage.add(completed.time(), completed.outcome());
            metrics.executed(execution, kind(answer.destination()), answer, legs.masked(answer.cloudLegRan()), nanos,
                    claims.terms().route().routedBy());
            return hold ? execution.held() : execution;
        } catch (ExecutionFailedException e) {
            throw failed(id, app, e.destination(), e.problem(), start, e.toRefusal(id));
        } catch (DetectorUnavailableException e) {
            durable(claimed, id);
            throw failed(id, app, destination, Kind.DETECTOR_UNAVAILABLE, start, new Refusal(Kind.DETECTOR_UNAVAILABLE,
                    "A required PII detector did not answer, so nothing was sent to a model", id));
        } catch (DecisionLogUnavailableException e) {
            // The log takes no record now: the outcome cannot be written either, so nothing may be reviewed.
            reviews.withdraw(id);
            throw e;
        } catch (RuntimeException e) {
            // A client gone away, or a fault inside Tollgate: the start gets its outcome anyway.
            durable(claimed, id);
            throw failed(id, app, destination, e instanceof ClientAbortException ? Kind.CLIENT_ABORT : Kind.INTERNAL,
                    start, e);
        }
    }

    @Override
    public Result chat(Application app, DecideRequest request, int maxTokens, ChatOptions options,
                       Listener listener) {
        long start = System.nanoTime();
        Decision decision = decisions.decide(app, request);
        decided.accept(decision, System.nanoTime() - start);
        if (listener != null) {
            boolean disclose = decision.outcome().effect() == Effect.ALLOW
                    && has(decision.outcome().obligations(), ObligationType.DISCLOSE_AI_INTERACTION);
            listener.decided(decision, disclose ? disclosure : null);
        }
        if (decision.outcome().effect() != Effect.ALLOW) {
            return new Result(decision, null);
        }
        return new Result(decision, execute(app, decision.token(), request.messages(), maxTokens, options,
                listener == null ? null : listener::text));
    }

    /** Waits for the token's claim to be on disk; if it cannot be, nothing ran and the token stays usable. */
    private void durable(CompletableFuture<Void> claimed, String decisionId) {
        try {
            claimed.join();
        } catch (CompletionException e) {
            used.release(decisionId);
            throw e.getCause() instanceof DecisionLogUnavailableException unavailable ? unavailable
                    : new DecisionLogUnavailableException(e.getCause());
        }
    }

    private DecisionTokens.Claims verified(Application app, String token, List<Message> messages) {
        DecisionTokens.Claims claims;
        try {
            claims = tokens.verify(token, CanonicalInput.of(messages));
        } catch (Refusal e) {
            throw refused(app, e);
        }
        if (!claims.application().equals(app.id())) {
            throw refused(app, new Refusal(Kind.TOKEN_APPLICATION_MISMATCH,
                    "The decision was made for another application", claims.decisionId()));
        }
        return claims;
    }

    /** A token not honoured is logged before the caller hears of it. */
    private Refusal refused(Application app, Refusal refusal) {
        records.refused(refusal.decisionId(), app.id(), refusal.kind());
        return refusal;
    }

    /**
     * Records how an execution failed, then gives back what the caller is answered; a record that cannot be written
     * makes the log's problem the answer ({@link DecisionLogUnavailableException}).
     */
    private <E extends RuntimeException> E failed(String id, Application app, String destination, Kind problem,
                                                  long start, E answer) {
        metrics.failed(problem);
        records.failed(id, app.id(), destination, problem, System.nanoTime() - start);
        return answer;
    }

    private String kind(String destination) {
        return catalog.byId(destination).map(d -> d.kind().wire()).orElse("unknown");
    }

    private static boolean has(List<Obligation> obligations, ObligationType type) {
        return obligations.stream().anyMatch(o -> o.type() == type);
    }
}
