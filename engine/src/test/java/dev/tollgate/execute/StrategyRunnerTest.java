package dev.tollgate.execute;

import dev.tollgate.config.Destination;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.terms.Route;
import dev.tollgate.execute.offline.PendingValidation;
import dev.tollgate.execute.offline.FileValidationQueue;
import dev.tollgate.execute.offline.ValidationQueue;
import dev.tollgate.latency.ObservedLatencies;
import dev.tollgate.mask.HashKey;
import dev.tollgate.mask.Masker;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.policy.Obligation;
import dev.tollgate.terms.ConsistencyCheck;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.Refusal;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.terms.Strategy;
import dev.tollgate.token.DecisionTokens.Terms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyRunnerTest {
    private static final String QUESTION = "Summarise the complaint from ana.lopez@example.org about late delivery";
    private static final List<Obligation> MASK_FOR_CLOUD = List.of(
            new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS"), DestinationKind.CLOUD));
    private static final DestinationCatalog CATALOG = new DestinationCatalog(List.of(
            new Destination("slm-local", DestinationKind.SLM, "DE", "on-device", true, false, false, false, null, null),
            new Destination("cloud-eu", DestinationKind.CLOUD, "IE", "cloud", true, false, false, false, null, null)));

    @TempDir
    Path dir;
    private ScriptedExecutor slm;
    private ScriptedExecutor cloud;
    private ValidationQueue queue;
    private CircuitBreaker breaker;
    private ObservedLatencies latencies;
    private final CompletableFuture<String> late = new CompletableFuture<>();

    @BeforeEach
    void setUp() throws Exception {
        slm = new ScriptedExecutor("slm-local");
        cloud = new ScriptedExecutor("cloud-eu");
        queue = FileValidationQueue.open(dir.resolve("queue"), dir.resolve("queue.key"));
        breaker = new CircuitBreaker(2, Duration.ofMinutes(1), Clock.systemUTC());
        latencies = ObservedLatencies.open(dir.resolve("latency.json"), 20, Duration.ofMinutes(5), Clock.systemUTC());
    }

    private Answer run(Route route, List<String> permitted) throws ExecutionFailedException {
        return run(route, permitted, null);
    }

    private Answer run(Route route, List<String> permitted, List<String> streamed) throws ExecutionFailedException {
        return run(route, permitted, streamed, 0);
    }

    private Answer run(Route route, List<String> permitted, List<String> streamed, int latencyBudgetMs)
            throws ExecutionFailedException {
        ExecutorRegistry executors = new ExecutorRegistry(List.of(slm, cloud), Map.of("cloud-eu", breaker));
        StrategyRunner runner = new StrategyRunner(executors, CATALOG, TestValidations.of(queue), Clock.systemUTC(),
                latencies, (id, destination, answer, nanos) -> late.complete(destination + ": " + answer.text()));
        MaskedLegs legs = new MaskedLegs(List.of(new Message("user", QUESTION)), MASK_FOR_CLOUD,
                PiiDetector.defaults(), new Masker(Map.of(), HashKey.random()));
        Terms terms = new Terms(route, MASK_FOR_CLOUD, permitted, latencyBudgetMs);
        return runner.run(new StrategyRunner.Plan("d-1", "claims", terms, legs, 64, ChatOptions.NONE, System.nanoTime(),
                "v-1"), streamed == null ? null : streamed::add);
    }

    private static final Route STATIC_CLOUD = new Route("cloud-eu", DestinationKind.CLOUD, Strategy.STATIC, null, null);

    @Test
    void aCloudLegPastTheBudgetIsAnsweredOnDeviceAndItsLateAnswerLogged() throws Exception {
        CountDownLatch cloudAnswers = new CountDownLatch(1);
        cloud.answersWhenOpened(cloudAnswers, "Cloud answer.");
        slm.answers("On-device answer.", null);
        // A budget of 1 ms has passed before the cloud can answer: the cloud is held until the runner returns.
        Answer answer = run(STATIC_CLOUD, List.of("slm-local", "cloud-eu"), null, 1);
        assertEquals("slm-local", answer.destination());
        assertEquals("On-device answer.", answer.text());
        assertFalse(answer.cloudLegRan());
        assertFalse(answer.validationQueued());
        assertFalse(late.isDone(), "nothing is logged before the cloud answers");
        cloudAnswers.countDown();
        assertEquals("cloud-eu: Cloud answer.", late.get(10, TimeUnit.SECONDS));
        assertTrue(latencies.summary("cloud-eu").isPresent(), "the late answer's time is observed");
    }

    @Test
    void aLateVerifierLeavesTheDraft() throws Exception {
        CountDownLatch cloudAnswers = new CountDownLatch(1);
        slm.answers("The draft.", null);
        cloud.answersWhenOpened(cloudAnswers, "A correction.");
        Answer answer = run(new Route("slm-local", DestinationKind.SLM, Strategy.DRAFT_VERIFY, null, null),
                List.of("slm-local", "cloud-eu"), null, 1);
        assertEquals("The draft.", answer.text());
        assertFalse(answer.escalated());
        cloudAnswers.countDown();
        assertEquals("cloud-eu: A correction.", late.get(10, TimeUnit.SECONDS));
    }

    @Test
    void withoutAPermittedOnDeviceDestinationTheCloudIsAwaitedWhateverTheBudget() throws Exception {
        CountDownLatch cloudAnswers = new CountDownLatch(1);
        cloud.answersWhenOpened(cloudAnswers, "Cloud answer.");
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return run(STATIC_CLOUD, List.of("cloud-eu"), null, 1);
            } catch (ExecutionFailedException e) {
                throw new IllegalStateException(e);
            }
        });
        cloudAnswers.countDown();
        assertEquals("cloud-eu", answer.get(10, TimeUnit.SECONDS).destination());
        assertTrue(slm.requests.isEmpty());
        assertFalse(late.isDone());
    }

    @Test
    void withoutABudgetTheCloudIsAwaited() throws Exception {
        cloud.answers("Cloud answer.", null);
        assertEquals("cloud-eu", run(STATIC_CLOUD, List.of("slm-local", "cloud-eu")).destination());
        assertTrue(slm.requests.isEmpty());
        assertEquals(1, latencies.summary("cloud-eu").orElseThrow().calls());
    }

    private static Route cascade(double threshold) {
        return new Route("slm-local", DestinationKind.SLM, Strategy.CASCADE, threshold, null);
    }

    @Test
    void aConfidentOnDeviceAnswerIsKept() throws Exception {
        slm.answers("Late delivery complaint.", 0.8);
        Answer answer = run(cascade(0.6), List.of("slm-local", "cloud-eu"));
        assertEquals("slm-local", answer.destination());
        assertFalse(answer.escalated());
        assertEquals(0.8, answer.confidence());
        assertTrue(cloud.requests.isEmpty());
        assertEquals(QUESTION, slm.requests.getFirst().messages().getFirst().content(), "no cloud obligation on-device");
        assertTrue(slm.requests.getFirst().withConfidence(), "the cascade needs the on-device answer's confidence");
    }

    private static Route checkedCascade(double threshold, int samples, double agreementThreshold) {
        return new Route("slm-local", DestinationKind.SLM, Strategy.CASCADE, threshold, null,
                new ConsistencyCheck(samples, agreementThreshold));
    }

    @Test
    void aConfidentAnswerWhoseSamplesAgreeIsKeptAndTheSamplesAreSeeded() throws Exception {
        slm.answers("Late delivery complaint.", 0.8)
                .answers("late delivery, complaint", null)
                .answers("Complaint: late delivery.", null)
                .answers("LATE DELIVERY COMPLAINT", null);
        Answer answer = run(checkedCascade(0.6, 3, 0.5), List.of("slm-local", "cloud-eu"));
        assertEquals("slm-local", answer.destination());
        assertFalse(answer.escalated());
        assertEquals(0.8, answer.confidence());
        assertEquals(1.0, answer.agreement(), "the same words in any case, order and punctuation");
        assertTrue(cloud.requests.isEmpty());
        assertEquals(4, slm.requests.size());
        assertEquals(null, slm.requests.getFirst().sampling(), "the answer itself is greedy");
        List<GenerationRequest> samples = slm.requests.subList(1, 4);
        assertEquals(List.of(1, 2, 3), samples.stream().map(r -> r.sampling().seed()).toList());
        assertTrue(samples.stream().allMatch(r -> r.sampling().temperature() > 0 && !r.withConfidence()
                && r.messages().equals(slm.requests.getFirst().messages())));
    }

    @Test
    void aConfidentAnswerWhoseSamplesDisagreeEscalates() throws Exception {
        slm.answers("Late delivery complaint.", 0.8)
                .answers("late delivery", null)
                .answers("a broken parcel", null)
                .answers("refund request", null);
        cloud.answers("The customer complains about a late delivery.", null);
        Answer answer = run(checkedCascade(0.6, 3, 0.5), List.of("slm-local", "cloud-eu"));
        assertEquals("cloud-eu", answer.destination());
        assertTrue(answer.escalated());
        assertEquals(0.8, answer.confidence());
        assertEquals(0.0, answer.agreement());
    }

    @Test
    void aLowConfidenceEscalatesWhateverTheSamplesAgree() throws Exception {
        slm.answers("Late delivery complaint.", 0.3).answers("same", null).answers("same", null);
        cloud.answers("The customer complains about a late delivery.", null);
        Answer answer = run(checkedCascade(0.6, 2, 0.5), List.of("slm-local", "cloud-eu"));
        assertTrue(answer.escalated());
        assertEquals(1.0, answer.agreement());
    }

    @Test
    void aLowConfidenceAnswerEscalatesToTheCloudMasked() throws Exception {
        slm.answers("Something.", 0.4);
        cloud.answers("The customer <EMAIL_ADDRESS_1> complains about a late delivery.", null);
        Answer answer = run(cascade(0.6), List.of("slm-local", "cloud-eu"));
        assertEquals("cloud-eu", answer.destination());
        assertTrue(answer.escalated());
        assertTrue(answer.cloudLegRan());
        assertEquals(0.4, answer.confidence());
        String sent = cloud.requests.getFirst().messages().getFirst().content();
        assertFalse(sent.contains("ana.lopez"), sent);
        assertTrue(sent.contains("<EMAIL_ADDRESS_1>"), sent);
    }

    @Test
    void withoutAPermittedCloudALowConfidenceAnswerNeverEscalates() throws Exception {
        slm.answers("Something.", 0.1);
        Answer answer = run(cascade(0.6), List.of("slm-local"));
        assertEquals("slm-local", answer.destination());
        assertFalse(answer.escalated());
        assertTrue(cloud.requests.isEmpty(), "the cloud must not see input the policy keeps on-device");
        assertEquals(null, answer.cloudDestination());
        assertEquals(0, answer.cloudTokensIn() + answer.cloudTokensOut());
    }

    @Test
    void anUnreachableCloudLeavesTheOnDeviceAnswerAndQueuesAValidation() throws Exception {
        slm.answers("Something.", 0.2);
        cloud.fails(ExecutorException.Kind.UNREACHABLE);
        Answer answer = run(cascade(0.6), List.of("slm-local", "cloud-eu"));
        assertEquals(Strategy.OFFLINE, answer.strategy());
        assertEquals("slm-local", answer.destination());
        assertTrue(answer.validationQueued());
        List<PendingValidation> pending = queue.pending();
        assertEquals(1, pending.size());
        assertEquals("cloud-eu", pending.getFirst().destination());
        assertFalse(pending.getFirst().maskedMessages().toString().contains("ana.lopez"));
        assertFalse(pending.getFirst().maskedMessages().getFirst().content().contains("ana.lopez"));
    }

    @Test
    void anOpenCircuitSkipsTheCloudWithoutCallingIt() throws Exception {
        breaker.onFailure();
        breaker.onFailure();
        slm.answers("Something.", 0.2);
        Answer answer = run(cascade(0.6), List.of("slm-local", "cloud-eu"));
        assertEquals(Strategy.OFFLINE, answer.strategy());
        assertTrue(cloud.requests.isEmpty());
    }

    @Test
    void aStaticCloudRouteFallsBackOnDeviceOnlyWhenPermitted() throws Exception {
        cloud.fails(ExecutorException.Kind.TIMEOUT);
        slm.answers("On-device answer.", 0.9);
        List<String> streamed = new ArrayList<>();
        Answer answer = run(new Route("cloud-eu", DestinationKind.CLOUD, Strategy.STATIC, null, null), List.of("cloud-eu", "slm-local"), streamed);
        assertEquals(Strategy.OFFLINE, answer.strategy());
        assertEquals("On-device answer.", String.join("", streamed));

        cloud.fails(ExecutorException.Kind.UNREACHABLE);
        ExecutionFailedException e = assertThrows(ExecutionFailedException.class,
                () -> run(new Route("cloud-eu", DestinationKind.CLOUD, Strategy.STATIC, null, null), List.of("cloud-eu")));
        assertEquals(Refusal.Kind.DESTINATION_UNAVAILABLE, e.problem());
    }

    @Test
    void aBadCloudAnswerIsAFailureNotAFallback() {
        cloud.fails(ExecutorException.Kind.BAD_RESPONSE);
        ExecutionFailedException e = assertThrows(ExecutionFailedException.class,
                () -> run(new Route("cloud-eu", DestinationKind.CLOUD, Strategy.STATIC, null, null), List.of("cloud-eu", "slm-local")));
        assertEquals(Refusal.Kind.DESTINATION_BAD_RESPONSE, e.problem());
    }

    @Test
    void draftVerifyKeepsAnApprovedDraftAndTakesACorrection() throws Exception {
        Route route = new Route("slm-local", DestinationKind.SLM, Strategy.DRAFT_VERIFY, null, null);
        slm.answers("Dear ana.lopez@example.org, sorry for the delay.", 0.7);
        cloud.answers("APPROVED", null);
        Answer approved = run(route, List.of("slm-local", "cloud-eu"));
        assertEquals("Dear ana.lopez@example.org, sorry for the delay.", approved.text());
        assertTrue(approved.escalated());
        String checked = cloud.requests.getFirst().messages().getLast().content();
        assertFalse(checked.contains("ana.lopez"), "the draft is masked for the cloud: " + checked);
        assertEquals("cloud-eu", approved.cloudDestination(), "the cloud that checked the draft took tokens");
        assertEquals(CloudTokens.of(cloud.requests.getFirst().messages()), approved.cloudTokensIn());
        assertEquals(CloudTokens.of("APPROVED"), approved.cloudTokensOut());
        assertTrue(approved.cloudTokensIn() > CloudTokens.of(checked), "the request and the draft were sent");

        slm.answers("Sorry.", 0.7);
        cloud.answers("Dear <EMAIL_ADDRESS_1>, we are sorry your delivery was late.", null);
        Answer corrected = run(route, List.of("slm-local", "cloud-eu"));
        assertEquals("cloud-eu", corrected.destination());
        assertEquals("Dear <EMAIL_ADDRESS_1>, we are sorry your delivery was late.", corrected.text());
    }
}
