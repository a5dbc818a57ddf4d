package dev.tollgate.execute.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tollgate.Json;
import dev.tollgate.audit.DecisionStore;
import dev.tollgate.audit.DurableAppend;
import dev.tollgate.audit.ReviewRecord;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.config.Application;
import dev.tollgate.decision.Decision;
import dev.tollgate.execute.KeptAnswers;
import dev.tollgate.policy.Reason;
import dev.tollgate.terms.Effect;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.terms.Strategy;
import dev.tollgate.terms.WireValue;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers held for human oversight (an application with {@code human_oversight: hold} whose decision obliges it)
 * until one of the application's reviewers approves or rejects them. The restored answer waits in
 * {@link KeptAnswers} and is given to the application only once approved; the reviewer sees it masked, with the
 * decision's reasons. Everything here is in memory for {@code keep} after the answer was held: after that, and
 * after a restart, only the log's execution and review records remain. Each review is durably logged before it
 * counts, and an answer is reviewed once.
 */
public final class ReviewDesk {
    /** Where a held answer stands. */
    public enum Status implements WireValue {
        PENDING, APPROVED, REJECTED
    }

    /** What a review came to. */
    public enum Verdict {
        APPROVE(Status.APPROVED, ReviewRecord.APPROVED), REJECT(Status.REJECTED, ReviewRecord.REJECTED);

        private final Status status;
        private final String logged;

        Verdict(Status status, String logged) {
            this.status = status;
            this.logged = logged;
        }
    }

    /**
     * A held answer as the desk knows it, without its restored text.
     *
     * @param reasons      the decision's reasons (empty when they were not kept: a decision older than the desk)
     * @param maskedAnswer the answer with every value the request masked, and every one detected in it, masked
     */
    public record Held(String id, String application, String destination, Strategy strategy, List<Reason> reasons,
                       String maskedAnswer, Instant heldAt, Instant expiresAt, Status status) {
        Held reviewed(Status verdict) {
            return new Held(id, application, destination, strategy, reasons, maskedAnswer, heldAt, expiresAt, verdict);
        }
    }

    /** What {@link #review} did. */
    public enum Outcome { RECORDED, NOT_FOUND, ALREADY_REVIEWED }

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<Verdict, LongAdder> reviews = new EnumMap<>(Map.of(Verdict.APPROVE, new LongAdder(),
            Verdict.REJECT, new LongAdder()));
    private final KeptAnswers answers;
    /** The reasons of decisions whose answer may be held, as JSON, until they are executed or expire. */
    private final KeptAnswers reasons;
    private final DecisionStore log;
    private final TextHmac hmac;
    private final Clock clock;
    private final Duration keep;
    private final int capacity;

    /**
     * @param keep        how long a held answer is kept after it was held, reviewed or not
     * @param capacity    held answers kept at once; more are refused
     * @param decisionTtl how long a decision may be executed, and so how long its reasons are kept for a hold
     */
    public ReviewDesk(DecisionStore log, TextHmac hmac, Clock clock, Duration keep, int capacity, Duration decisionTtl) {
        this.log = log;
        this.hmac = hmac;
        this.clock = clock;
        this.keep = keep;
        this.capacity = capacity;
        this.answers = new KeptAnswers(keep, capacity, clock);
        this.reasons = new KeptAnswers(decisionTtl, capacity, clock);
    }

    /** Told of every logged decision: keeps the reasons of those whose answer will be held when executed. */
    public void decided(Application app, Decision decision) {
        if (app.holdsForReview() && decision.outcome().effect() == Effect.ALLOW
                && decision.outcome().obligations().stream().anyMatch(o -> o.type() == ObligationType.HUMAN_OVERSIGHT)) {
            try {
                reasons.keep(decision.decisionId(), Json.MAPPER.writeValueAsString(decision.outcome().reasons()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Holds the execution's answer for review under the decision's id.
     *
     * @return false when the desk is full: the answer must then not be given either
     */
    public boolean hold(Application app, String decisionId, String destination, Strategy strategy,
                        String maskedAnswer, String restoredAnswer) {
        Instant now = clock.instant();
        if (held.size() >= capacity) {
            held.values().removeIf(h -> !h.expiresAt().isAfter(now));
        }
        if (held.size() >= capacity || !answers.keep(decisionId, restoredAnswer)) {
            return false;
        }
        held.put(decisionId, new Held(decisionId, app.id(), destination, strategy, reasonsOf(decisionId),
                maskedAnswer, now, now.plus(keep), Status.PENDING));
        return true;
    }

    private List<Reason> reasonsOf(String decisionId) {
        Optional<String> json = reasons.find(decisionId);
        reasons.forget(decisionId);
        try {
            return json.isEmpty() ? List.of() : Json.MAPPER.readValue(json.get(), REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers held and not yet reviewed, while they are kept. */
    public long pending() {
        Instant now = clock.instant();
        return held.values().stream().filter(h -> h.status() == Status.PENDING && h.expiresAt().isAfter(now)).count();
    }

    /** tollgate_reviews_pending and tollgate_reviews_total{verdict} on /metrics. */
    public void register(MeterRegistry registry) {
        Gauge.builder("tollgate.reviews.pending", this, ReviewDesk::pending)
                .description("Answers held for human review and not yet reviewed").register(registry);
        for (Verdict verdict : Verdict.values()) {
            FunctionCounter.builder("tollgate.reviews", reviews.get(verdict), LongAdder::sum)
                    .description("Reviews of held answers since the start").tag("verdict", verdict.logged)
                    .register(registry);
        }
    }

    /** Forgets an answer held for an execution whose record could not be logged. */
    public void withdraw(String id) {
        held.remove(id);
        answers.forget(id);
    }

    /** The held answer of the application, while it is kept. */
    public Optional<Held> find(String id, String application) {
        Held h = held.get(id);
        if (h == null || !h.application().equals(application)) {
            return Optional.empty();
        }
        if (!h.expiresAt().isAfter(clock.instant())) {
            held.remove(id, h);
            return Optional.empty();
        }
        return Optional.of(h);
    }

    /** The restored answer for its application: only once approved, and while it is kept. */
    public Optional<String> released(Held h) {
        return h.status() == Status.APPROVED ? answers.find(h.id()) : Optional.empty();
    }

    /**
     * Records a reviewer's verdict, durably, then applies it: an approved answer is released to its application, a
     * rejected one is forgotten. Reviews are made one at a time, so an answer is reviewed once.
     *
     * @param reviewer the reviewer, as the registry found their key (a reviewer key of the application)
     * @param comment  the reviewer's comment, logged as an HMAC only; null for none
     */
    public synchronized Outcome review(String id, Application reviewer, String reviewerKeySha256, Verdict verdict,
                                       String comment) {
        Optional<Held> found = find(id, reviewer.id());
        if (found.isPresent() && found.get().status() != Status.PENDING) {
            return Outcome.ALREADY_REVIEWED;
        }
        if (found.isEmpty() || answers.find(id).isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        DurableAppend.append(log, new ReviewRecord(id, reviewer.id(), verdict.logged, reviewerKeySha256,
                comment == null ? null : hmac.of(comment)));
        held.put(id, found.get().reviewed(verdict.status));
        reviews.get(verdict).increment();
        if (verdict == Verdict.REJECT) {
            answers.forget(id);
        }
        return Outcome.RECORDED;
    }
}
