package dev.tollgate.execute;

import dev.tollgate.config.Destination;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.terms.Route;
import dev.tollgate.execute.offline.PendingValidation;
import dev.tollgate.execute.GenerationRequest.Sampling;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.Strategy;
import dev.tollgate.token.DecisionTokens.Terms;

import dev.tollgate.latency.ObservedLatencies;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Carries out a decision's route with its strategy:
 * <ul>
 *   <li><b>static</b>: the route's destination answers;</li>
 *   <li><b>cascade</b>: the on-device model answers; when its confidence is below the route's
 *       {@code escalate_below}, or the route asks for a consistency check and the agreement of answers sampled
 *       for the same request is below the check's threshold, the first permitted cloud destination answers the
 *       cloud-masked request instead;</li>
 *   <li><b>draft_verify</b>: the on-device model drafts; the first permitted cloud destination approves or
 *       corrects the draft, both masked for the cloud.</li>
 * </ul>
 * The cloud is only ever called when the decision permits a cloud destination. When the cloud that should answer
 * is unreachable (its circuit is open, or the call fails to connect) and the decision permits an on-device
 * destination, that answers instead (strategy "offline") and a cloud validation is queued durably.
 * <p>
 * With a latency budget in the terms, a cloud leg is hedged: when it has not answered by the budget (less the
 * on-device model's observed p99 when that model still has to answer), the on-device answer is given instead,
 * provided the decision permits an on-device destination; the cloud's answer, when it comes, is logged as a
 * {@code late_answer} record and never returned. Streamed static routes are not hedged.
 * <p>
 * Nothing reaches the cloud but through {@link MaskedLegs}: the request as masked for the cloud, an on-device
 * answer masked by {@link MaskedLegs#forCloud(String)}, and every message list once more through
 * {@link MaskedLegs#remasked} just before it is sent or queued.
 */
final class StrategyRunner {
    private final ExecutorRegistry executors;
    private final DestinationCatalog catalog;
    private final Validations validations;
    private final Clock clock;
    private final ObservedLatencies latencies;
    private final LateAnswers late;

    StrategyRunner(ExecutorRegistry executors, DestinationCatalog catalog, Validations validations, Clock clock,
                   ObservedLatencies latencies, LateAnswers late) {
        this.executors = executors;
        this.catalog = catalog;
        this.validations = validations;
        this.clock = clock;
        this.latencies = latencies;
        this.late = late;
    }

    /**
     * What one execution needs: the decision's terms, the request masked per leg, when the execution started
     * ({@link System#nanoTime()}), from which its latency budget runs, and the id a validation it queues gets.
     */
    /** Milliseconds a hedged answer keeps for what follows the model: restoring placeholders, the durable record. */
    static final int AFTER_ANSWER_RESERVE_MS = 100;

    /** The consistency check's sampling temperature: llama.cpp's usual default, varied enough to show doubt. */
    static final float SAMPLING_TEMPERATURE = 0.8f;

    record Plan(String decisionId, String application, Terms terms, MaskedLegs legs, int maxTokens, ChatOptions options,
                long startNanos, String validationId) {

        /** What the on-device model is asked: the request masked for it, decoded as the caller asked. */
        GenerationRequest slmRequest() {
            return new GenerationRequest(legs.forSlm(), maxTokens, options);
        }
    }

    /** Told of a cloud answer that came after the on-device model had answered instead. */
    interface LateAnswers {
        void late(String decisionId, String destination, Generation answer, long nanos);
    }

    /** The cloud leg did not answer within the latency budget; it goes on, and its answer is logged when it comes. */
    private static final class TooSlow extends Exception {
        TooSlow() {
            super(null, null, false, false);
        }
    }

    /**
     * @param onText receives the answer's text (placeholders still in) as it is produced; only the static
     *               strategy streams, the others hand over the final answer in one piece; null: not streamed
     */
    Answer run(Plan plan, Consumer<String> onText) throws ExecutionFailedException {
        Route route = plan.terms().route();
        Answer answer = switch (route.strategy()) {
            case CASCADE -> cascade(plan);
            case DRAFT_VERIFY -> draftVerify(plan);
            case STATIC, OFFLINE -> staticRoute(plan, onText);
        };
        if (onText != null && route.strategy() != Strategy.STATIC) {
            onText.accept(answer.text());
        }
        return answer;
    }

    private Answer staticRoute(Plan plan, Consumer<String> onText) throws ExecutionFailedException {
        Route route = plan.terms().route();
        if (route.kind() != DestinationKind.CLOUD) {
            Timed slm = slm(route.destination(), plan.slmRequest(), onText);
            return answer(slm, route.destination(), Strategy.STATIC, false, slm, null, false);
        }
        StreamGuard guard = new StreamGuard(onText);
        Optional<String> hedge = onText == null ? firstPermitted(plan.terms(), DestinationKind.SLM) : Optional.empty();
        Optional<Timed> cloud;
        try {
            cloud = cloud(plan, route.destination(), plan.legs().forCloud(), plan.options(), guard.sink(),
                    hedge.map(latencies::p99Ms).orElse(null));
        } catch (TooSlow e) {
            Timed slm = slm(hedge.get(), plan.slmRequest(), null);
            return answer(slm, hedge.get(), Strategy.STATIC, false, slm, null, false);
        }
        if (cloud.isPresent()) {
            return answer(cloud.get(), route.destination(), Strategy.STATIC, false, null, cloud.get(), false);
        }
        if (guard.started()) {
            throw ExecutionFailedException.unavailable(route.destination());
        }
        return offline(plan, route.destination(), onText);
    }

    private Answer cascade(Plan plan) throws ExecutionFailedException {
        Route route = plan.terms().route();
        GenerationRequest request = new GenerationRequest(plan.legs().forSlm(), plan.maxTokens(), true, null,
                plan.options());
        Timed draft = slm(route.destination(), request, null);
        if (route.consistency() != null) {
            draft = consistencyChecked(route.destination(), request, route.consistency().samples(), draft);
        }
        Double confidence = draft.generation().confidence();
        boolean confident = (route.escalateBelow() == null
                || (confidence != null && confidence >= route.escalateBelow()))
                && (route.consistency() == null || draft.agreement() >= route.consistency().escalateBelow());
        Optional<String> cloud = firstPermitted(plan.terms(), DestinationKind.CLOUD);
        if (confident || cloud.isEmpty()) {
            return answer(draft, route.destination(), Strategy.CASCADE, false, draft, null, false);
        }
        Optional<Timed> better;
        try {
            better = cloud(plan, cloud.get(), plan.legs().forCloud(), plan.options(), null, 0);
        } catch (TooSlow e) {
            return answer(draft, route.destination(), Strategy.CASCADE, false, draft, null, false);
        }
        if (better.isEmpty()) {
            return queued(plan, cloud.get(), draft, route.destination());
        }
        return answer(better.get(), cloud.get(), Strategy.CASCADE, true, draft, better.get(), false);
    }

    /**
     * The draft with the agreement of {@code samples} answers sampled for the same request (seeds 1 to samples, so
     * the same request gets the same figure); the time they took counts as model time.
     */
    private Timed consistencyChecked(String destination, GenerationRequest request, int samples, Timed draft)
            throws ExecutionFailedException {
        List<String> answers = new ArrayList<>();
        long nanos = draft.nanos();
        for (int seed = 1; seed <= samples; seed++) {
            Timed sample = slm(destination, request.sampled(new Sampling(SAMPLING_TEMPERATURE, seed)), null);
            answers.add(sample.generation().text());
            nanos += sample.nanos();
        }
        return new Timed(draft.generation(), nanos, null, 0, Agreement.of(answers));
    }

    private Answer draftVerify(Plan plan) throws ExecutionFailedException {
        Route route = plan.terms().route();
        Timed draft = slm(route.destination(), plan.slmRequest(), null);
        Optional<String> cloud = firstPermitted(plan.terms(), DestinationKind.CLOUD);
        if (cloud.isEmpty()) {
            return answer(draft, route.destination(), Strategy.DRAFT_VERIFY, false, draft, null, false);
        }
        List<Message> check = VerifyPrompt.of(plan.legs().forCloud(), plan.legs().forCloud(draft.generation().text()));
        Optional<Timed> verdict;
        try {
            verdict = cloud(plan, cloud.get(), check, ChatOptions.NONE, null, 0);
        } catch (TooSlow e) {
            return answer(draft, route.destination(), Strategy.DRAFT_VERIFY, false, draft, null, false);
        }
        if (verdict.isEmpty()) {
            return queued(plan, cloud.get(), draft, route.destination());
        }
        if (VerifyPrompt.approves(verdict.get().generation().text())) {
            return answer(draft, route.destination(), Strategy.DRAFT_VERIFY, true, draft, verdict.get(), false);
        }
        return answer(verdict.get(), cloud.get(), Strategy.DRAFT_VERIFY, true, draft, verdict.get(), false);
    }

    /** The cloud that should answer is unreachable: the first permitted on-device destination answers. */
    private Answer offline(Plan plan, String cloud, Consumer<String> onText) throws ExecutionFailedException {
        String slmDestination = firstPermitted(plan.terms(), DestinationKind.SLM)
                .orElseThrow(() -> ExecutionFailedException.unavailable(cloud));
        Timed answer = slm(slmDestination, plan.slmRequest(), onText);
        return queued(plan, cloud, answer, slmDestination);
    }

    private Answer queued(Plan plan, String cloud, Timed slmAnswer, String slmDestination)
            throws ExecutionFailedException {
        // The draft is masked first: what it reveals is masked in the request too. The session ends with this
        // request, so the entry is stored as the cloud may see it.
        String draft = plan.legs().forCloud(slmAnswer.generation().text());
        List<Message> messages = plan.legs().remasked(plan.legs().forCloud());
        try {
            validations.enqueue(new PendingValidation(plan.validationId(), plan.decisionId(), plan.application(), cloud,
                    messages, draft, clock.instant()), plan.legs().restorer());
        } catch (IOException e) {
            throw ExecutionFailedException.validationNotQueued(cloud);
        }
        return answer(slmAnswer, slmDestination, Strategy.OFFLINE, false, slmAnswer, null, true);
    }

    /**
     * The answer {@code answering} gave, with the costs of both legs that ran (either may be null) summed and the
     * on-device leg's confidence.
     */
    private static Answer answer(Timed answering, String destination, Strategy strategy, boolean escalated, Timed slm,
                                 Timed cloud, boolean validationQueued) {
        List<Timed> legs = Stream.of(slm, cloud).filter(Objects::nonNull).toList();
        Generation g = answering.generation();
        return new Answer(g.text(), destination, strategy, escalated,
                slm == null ? null : slm.generation().confidence(), slm == null ? null : slm.agreement(),
                legs.stream().mapToInt(t -> t.generation().promptTokens()).sum(),
                legs.stream().mapToInt(t -> t.generation().completionTokens()).sum(),
                cloud == null ? null : cloud.cloud(), cloud == null ? 0 : cloud.generation().promptTokens(),
                cloud == null ? 0 : cloud.cloudTokensIn(),
                cloud == null ? 0 : CloudTokens.of(cloud.generation().text()),
                legs.stream().mapToLong(Timed::nanos).sum(), g.finishReason(), validationQueued, g.toolCalls());
    }

    private Optional<String> firstPermitted(Terms terms, DestinationKind kind) {
        return terms.permittedDestinations().stream()
                .filter(id -> catalog.byId(id).map(Destination::kind).filter(kind::equals).isPresent())
                .filter(id -> executors.executor(id).isPresent() || kind == DestinationKind.CLOUD)
                .findFirst();
    }

    /** An on-device call: its failures are the execution's; a chat with tools is refused, never answered without. */
    private Timed slm(String destination, GenerationRequest request, Consumer<String> onText)
            throws ExecutionFailedException {
        if (request.usesTools()) {
            throw ExecutionFailedException.toolsNeedCloud(destination);
        }
        Executor executor = executors.executor(destination)
                .orElseThrow(() -> ExecutionFailedException.unavailable(destination));
        try {
            Timed answer = Timed.call(executor, request, onText);
            latencies.observe(destination, Duration.ofNanos(answer.nanos()));
            return answer;
        } catch (ExecutorException e) {
            throw ExecutionFailedException.of(destination, e);
        }
    }

    /**
     * The cloud destination's answer to these messages, after the plan's masking session searched them once more
     * for every value it masked; empty when the cloud is unreachable (no endpoint configured, circuit open, or the
     * call could not connect, timed out or met a server error).
     *
     * @param options    how the caller asked the answer decoded; none for a verdict on a draft
     * @param fallbackMs how long the on-device answer that stands in for this leg still takes (0: it is there);
     *                   null: nothing stands in, so the leg is not hedged
     * @throws TooSlow the plan has a latency budget and the leg did not answer in time for the fallback
     */
    private Optional<Timed> cloud(Plan plan, String destination, List<Message> messages, ChatOptions options,
                                  Consumer<String> onText, Integer fallbackMs)
            throws ExecutionFailedException, TooSlow {
        Optional<Executor> executor = executors.executor(destination);
        Optional<CircuitBreaker> breaker = executors.breaker(destination);
        if (executor.isEmpty() || (breaker.isPresent() && !breaker.get().allowRequest())) {
            return Optional.empty();
        }
        List<Message> sent = plan.legs().remasked(messages);
        GenerationRequest request = new GenerationRequest(sent, plan.maxTokens(), options);
        CompletableFuture<Timed> call = CompletableFuture.supplyAsync(() -> answered(executor.get(), request, onText),
                Thread::startVirtualThread);
        CompletableFuture<Timed> settled = call.whenComplete((answer, failure) -> settled(breaker, answer, failure));
        try {
            Timed answer = (plan.terms().latencyBudgetMs() <= 0 || fallbackMs == null ? settled.join()
                    : settled.get(nanosLeft(plan, fallbackMs), TimeUnit.NANOSECONDS))
                    .fromCloud(destination, CloudTokens.of(sent));
            latencies.observe(destination, Duration.ofNanos(answer.nanos()));
            return Optional.of(answer);
        } catch (TimeoutException e) {
            settled.thenAccept(answer -> {
                latencies.observe(destination, Duration.ofNanos(answer.nanos()));
                late.late(plan.decisionId(), destination, answer.generation(), answer.nanos());
            });
            throw new TooSlow();
        } catch (CompletionException | ExecutionException e) {
            if (!(e.getCause() instanceof ExecutorException failure)) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            if (failure.unreachable()) {
                return Optional.empty();
            }
            throw ExecutionFailedException.of(destination, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * How long the cloud may still take so that the fallback, taking {@code fallbackMs}, ends within the budget; the
     * answer then still needs its placeholders restored and its record made durable, hence the reserve.
     */
    private static long nanosLeft(Plan plan, int fallbackMs) {
        long deadline = plan.startNanos() + TimeUnit.MILLISECONDS.toNanos(
                plan.terms().latencyBudgetMs() - fallbackMs - AFTER_ANSWER_RESERVE_MS);
        return Math.max(0, deadline - System.nanoTime());
    }

    private static Timed answered(Executor executor, GenerationRequest request, Consumer<String> onText) {
        try {
            return Timed.call(executor, request, onText);
        } catch (ExecutorException e) {
            throw new CompletionException(e);
        }
    }

    /** A refused call (a bad key, a malformed answer) still shows the destination is reachable. */
    private static void settled(Optional<CircuitBreaker> breaker, Timed answer, Throwable failure) {
        boolean unreachable = failure != null && failure.getCause() instanceof ExecutorException e && e.unreachable();
        breaker.ifPresent(unreachable ? CircuitBreaker::onFailure : CircuitBreaker::onSuccess);
    }

    /**
     * A generation and how long the model took; for a cloud leg, which cloud answered and the tokens it was sent; for
     * an on-device answer that was checked for consistency, the agreement of the sampled answers (else null).
     */
    private record Timed(Generation generation, long nanos, String cloud, int cloudTokensIn, Double agreement) {
        static Timed call(Executor executor, GenerationRequest request, Consumer<String> onText)
                throws ExecutorException {
            long start = System.nanoTime();
            Generation g = onText == null ? executor.generate(request) : executor.stream(request, onText);
            return new Timed(g, System.nanoTime() - start, null, 0, null);
        }

        Timed fromCloud(String destination, int tokensIn) {
            return new Timed(generation, nanos, destination, tokensIn, null);
        }
    }

    /** Remembers whether any streamed text went out: after that, another model cannot take over the answer. */
    private static final class StreamGuard {
        private final Consumer<String> downstream;
        private boolean started;

        StreamGuard(Consumer<String> downstream) {
            this.downstream = downstream;
        }

        Consumer<String> sink() {
            return downstream == null ? null : piece -> {
                started = true;
                downstream.accept(piece);
            };
        }

        boolean started() {
            return started;
        }
    }
}
