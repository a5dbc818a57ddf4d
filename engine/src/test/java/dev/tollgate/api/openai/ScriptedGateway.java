package dev.tollgate.api.openai;

import dev.tollgate.config.Application;
import dev.tollgate.decision.DecideRequest;
import dev.tollgate.decision.Decision;
import dev.tollgate.facts.Findings;
import dev.tollgate.policy.Outcome;
import dev.tollgate.terms.Route;
import dev.tollgate.execute.ChatGateway;
import dev.tollgate.execute.ChatOptions;
import dev.tollgate.execute.Execution;
import dev.tollgate.policy.Reason;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.Effect;
import dev.tollgate.terms.Strategy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A ChatGateway that answers with what the test scripted: an allowed decision with an execution streamed in the
 * given pieces, a denial, or a failure before or after the decision. It remembers the last call.
 */
final class ScriptedGateway implements ChatGateway {
    static final String DECISION_ID = "0193a5f0-0000-7000-8000-000000000001";
    static final String DESTINATION = "slm-local";
    static final List<String> PIECES = List.of("Our office ", "opens at ", "9 am.");

    /** What the handler passed to the gateway. */
    record Call(Application app, DecideRequest request, int maxTokens, ChatOptions options) {
    }

    private volatile Decision decision = allowed();
    private volatile Execution execution = execution(null, "stop");
    private volatile RuntimeException failure;
    private volatile boolean failAfterDecision;
    private volatile CountDownLatch holdAfterFirstPiece;
    private volatile Call last;

    void allow(Execution execution) {
        this.decision = allowed();
        this.execution = execution;
        this.failure = null;
    }

    void deny(String... rules) {
        this.decision = new Decision(DECISION_ID, new Outcome(Effect.DENY, null, List.of(), List.of(),
                Arrays.stream(rules).map(r -> new Reason(r, "drools", "gdpr", "GDPR", "denied")).toList()),
                new Findings(List.of(), List.of()), Map.of(), "2026-11-28T19:00:00Z", null,
                Arrays.stream(rules).distinct().sorted().toList());
        this.execution = null;
        this.failure = null;
    }

    /** Throws the failure from chat(), before the decision or after Listener.decided. */
    void fail(RuntimeException failure, boolean afterDecision) {
        this.decision = allowed();
        this.failure = failure;
        this.failAfterDecision = afterDecision;
    }

    /** A streamed call waits after its first piece until the latch opens (at most 10 s). */
    void holdAfterFirstPiece(CountDownLatch latch) {
        this.holdAfterFirstPiece = latch;
    }

    Call last() {
        return last;
    }

    static Execution execution(String disclosure, String finishReason) {
        return new Execution(DECISION_ID, DESTINATION, Strategy.CASCADE, false, String.join("", PIECES), 21, 7, 0.93,
                disclosure, true, finishReason, null, null);
    }

    private static Decision allowed() {
        return new Decision(DECISION_ID, new Outcome(Effect.ALLOW, new Route(DESTINATION, DestinationKind.SLM, Strategy.CASCADE, 0.8, null),
                List.of(DESTINATION), List.of(), List.of(new Reason("routing.faq-local", "drools", "routing",
                "-", "FAQ on device"))), new Findings(List.of(), List.of()), Map.of(), "2026-11-28T19:00:00Z", "t",
                List.of());
    }

    @Override
    public Result chat(Application app, DecideRequest request, int maxTokens, ChatOptions options,
                       Listener listener) {
        last = new Call(app, request, maxTokens, options);
        if (failure != null && !failAfterDecision) {
            throw failure;
        }
        if (listener != null) {
            listener.decided(decision, execution == null ? null : execution.disclosure());
        }
        if (failure != null) {
            throw failure;
        }
        if (execution != null && listener != null) {
            for (int i = 0; i < PIECES.size(); i++) {
                listener.text(PIECES.get(i));
                if (i == 0) {
                    awaitHold();
                }
            }
        }
        return new Result(decision, execution);
    }

    private void awaitHold() {
        CountDownLatch hold = holdAfterFirstPiece;
        try {
            if (hold != null && !hold.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the client did not see the first piece within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
