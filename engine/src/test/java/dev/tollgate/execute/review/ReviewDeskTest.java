package dev.tollgate.execute.review;

import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.config.ApiKey;
import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.decision.Decision;
import dev.tollgate.execute.review.ReviewDesk.Outcome;
import dev.tollgate.execute.review.ReviewDesk.Status;
import dev.tollgate.execute.review.ReviewDesk.Verdict;
import dev.tollgate.facts.Findings;
import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.Reason;
import dev.tollgate.terms.Effect;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.terms.Strategy;
import dev.tollgate.testing.LoggedRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tollgate.testing.ApplicationBuilder.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desk over a real decision log: what is kept, for whom, and that an answer is reviewed once. */
class ReviewDeskTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);
    private static final Reason OVERSIGHT = new Reason("ai-act.annex3.human-oversight", "drools", "eu-ai-act",
            "EU AI Act Art. 14", "High-risk AI use case");
    private static final ApplicationRegistry REGISTRY = new ApplicationRegistry(List.of(
            app("loan-desk", Application.HOLD, "loan", "loan-reviewer"),
            app("flag-desk", Application.FLAG, "flag", "flag-reviewer")));

    @TempDir
    Path dir;

    private DecisionLog log;
    private ReviewDesk desk;

    @BeforeEach
    void open() throws Exception {
        log = DecisionLog.open(dir.resolve("log"), 1 << 20, CLOCK);
        desk = new ReviewDesk(log, TextHmac.open(dir.resolve("hmac.key")), CLOCK, Duration.ofHours(1), 2,
                Duration.ofMinutes(5));
    }

    @AfterEach
    void close() {
        log.close();
    }

    private static Application app(String id, String oversight, String key, String reviewerKey) {
        return application(id).aiActUseCase("credit_scoring").controllerEstablishment("NL")
                .highRiskApproved(List.of("slm-local")).humanOversight(oversight)
                .apiKeys(List.of(new ApiKey(ApplicationRegistry.sha256(key), ApiKey.STAFF),
                        new ApiKey(ApplicationRegistry.sha256(reviewerKey), ApiKey.REVIEWER))).build();
    }

    private static Application caller(String key) {
        return REGISTRY.byApiKey(key).orElseThrow();
    }

    private static Decision decision(String id, ObligationType... obligations) {
        List<Obligation> list = new ArrayList<>();
        for (ObligationType type : obligations) {
            list.add(Obligation.of(type));
        }
        return new Decision(id, new dev.tollgate.policy.Outcome(Effect.ALLOW, null, List.of("slm-local"), list,
                List.of(OVERSIGHT)), new Findings(List.of(), List.of()), Map.of(), "2026-12-06T08:05:00Z", "t",
                List.of());
    }

    private boolean hold(String id, String key) {
        return desk.hold(caller(key), id, "slm-local", Strategy.STATIC, "Dear <PERSON_1>", "Dear Maria");
    }

    @Test
    void keepsTheReasonsOfDecisionsItWillHoldAndShowsEachPartyItsView() {
        desk.decided(caller("loan"), decision("d-1", ObligationType.HUMAN_OVERSIGHT));
        desk.decided(caller("flag"), decision("d-2", ObligationType.HUMAN_OVERSIGHT));
        desk.decided(caller("loan"), decision("d-3", ObligationType.DISCLOSE_AI_INTERACTION));
        assertTrue(hold("d-1", "loan"));
        assertTrue(hold("d-3", "loan"));

        ReviewDesk.Held held = desk.find("d-1", "loan-desk").orElseThrow();
        assertEquals(List.of(OVERSIGHT), held.reasons());
        assertEquals("Dear <PERSON_1>", held.maskedAnswer());
        assertEquals(Status.PENDING, held.status());
        assertEquals(List.of(), desk.find("d-3", "loan-desk").orElseThrow().reasons(), "no reasons kept for it");
        assertEquals(Optional.empty(), desk.released(held), "nothing released while pending");
        assertEquals(Optional.empty(), desk.find("d-1", "flag-desk"), "another application's answer is not found");
    }

    @Test
    void aFullDeskRefusesToHoldMore() {
        assertTrue(hold("d-1", "loan"));
        assertTrue(hold("d-2", "loan"));
        assertFalse(hold("d-3", "loan"));
        assertEquals(Optional.empty(), desk.find("d-3", "loan-desk"));
    }

    @Test
    void anApprovedAnswerIsReleasedAndARejectedOneForgotten() throws Exception {
        hold("d-1", "loan");
        hold("d-2", "loan");
        assertEquals(Outcome.RECORDED, desk.review("d-1", caller("loan-reviewer"), "k", Verdict.APPROVE, null));
        assertEquals(Outcome.RECORDED, desk.review("d-2", caller("loan-reviewer"), "k", Verdict.REJECT, "no"));
        assertEquals(Optional.of("Dear Maria"), desk.released(desk.find("d-1", "loan-desk").orElseThrow()));
        ReviewDesk.Held rejected = desk.find("d-2", "loan-desk").orElseThrow();
        assertEquals(Status.REJECTED, rejected.status());
        assertEquals(Optional.empty(), desk.released(rejected));
        assertEquals(Outcome.NOT_FOUND, desk.review("d-9", caller("loan-reviewer"), "k", Verdict.APPROVE, null));
        assertEquals(Outcome.NOT_FOUND, desk.review("d-1", caller("flag-reviewer"), "k", Verdict.REJECT, null));
        assertEquals(2, reviewRecords());
    }

    @Test
    void concurrentReviewsOfOneAnswerRecordOneVerdict() throws Exception {
        hold("d-1", "loan");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Outcome>> reviews = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Verdict verdict = i % 2 == 0 ? Verdict.APPROVE : Verdict.REJECT;
                reviews.add(() -> desk.review("d-1", caller("loan-reviewer"), "k", verdict, null));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : pool.invokeAll(reviews)) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter(o -> o == Outcome.RECORDED).count(), outcomes.toString());
            assertEquals(7, outcomes.stream().filter(o -> o == Outcome.ALREADY_REVIEWED).count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, reviewRecords());
    }

    private long reviewRecords() {
        return LoggedRecords.ofType(dir.resolve("log"), "review").size();
    }
}
