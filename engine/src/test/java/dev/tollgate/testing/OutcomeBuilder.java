package dev.tollgate.testing;

import dev.tollgate.audit.ExecutionOutcome;
import dev.tollgate.terms.Strategy;

import java.util.Map;

/**
 * A completed {@link ExecutionOutcome} for a test, naming only what the test is about: the rest is a static answer
 * of 10 prompt and 10 completion tokens, none sent to a cloud, nothing masked, in 5 ms (4 in the model), not
 * disclosed, finished with stop. A new component of ExecutionOutcome is added to {@link #build()} here, not to every
 * test; a failed one is {@link ExecutionOutcome#failed}.
 */
public final class OutcomeBuilder {
    private final String decisionId;
    private final String application;
    private final String destination;
    private Strategy strategy = Strategy.STATIC;
    private Boolean escalated = false;
    private Double confidence;
    private Integer promptTokens = 10;
    private Integer completionTokens = 10;
    private Integer cloudTokensSent = 0;
    private Map<String, Integer> maskedEntities = Map.of();
    private Long latencyMs = 5L;
    private Long modelMs = 4L;
    private Boolean disclosed = false;
    private String outputHmac = "hmac-sha256:00";
    private Boolean validationQueued;
    private String cloudDestination;
    private Integer cloudTokensIn;
    private Integer cloudTokensOut;
    private Boolean heldForReview;
    private Double agreement;

    private OutcomeBuilder(String decisionId, String application, String destination) {
        this.decisionId = decisionId;
        this.application = application;
        this.destination = destination;
    }

    public static OutcomeBuilder completed(String decisionId, String application, String destination) {
        return new OutcomeBuilder(decisionId, application, destination);
    }

    public OutcomeBuilder strategy(Strategy value) {
        strategy = value;
        return this;
    }

    public OutcomeBuilder escalated(boolean value) {
        escalated = value;
        return this;
    }

    public OutcomeBuilder confidence(Double value) {
        confidence = value;
        return this;
    }

    public OutcomeBuilder tokens(int prompt, int completion) {
        promptTokens = prompt;
        completionTokens = completion;
        return this;
    }

    public OutcomeBuilder cloudTokensSent(Integer tokens) {
        cloudTokensSent = tokens;
        return this;
    }

    public OutcomeBuilder masked(Map<String, Integer> entities) {
        maskedEntities = entities;
        return this;
    }

    public OutcomeBuilder took(long latency, long model) {
        latencyMs = latency;
        modelMs = model;
        return this;
    }

    public OutcomeBuilder disclosed(boolean value) {
        disclosed = value;
        return this;
    }

    public OutcomeBuilder outputHmac(String value) {
        outputHmac = value;
        return this;
    }

    public OutcomeBuilder validationQueued(Boolean value) {
        validationQueued = value;
        return this;
    }

    /** The cloud that answered a leg, with the tokens sent to it and answered by it. */
    public OutcomeBuilder cloud(String cloud, Integer in, Integer out) {
        cloudDestination = cloud;
        cloudTokensIn = in;
        cloudTokensOut = out;
        return this;
    }

    public OutcomeBuilder heldForReview(Boolean value) {
        heldForReview = value;
        return this;
    }

    public OutcomeBuilder agreement(Double value) {
        agreement = value;
        return this;
    }

    public ExecutionOutcome build() {
        return new ExecutionOutcome(decisionId, application, ExecutionOutcome.COMPLETED, destination, strategy,
                escalated, confidence, promptTokens, completionTokens, cloudTokensSent, maskedEntities, latencyMs,
                modelMs, false, disclosed, "stop", outputHmac, validationQueued, null, cloudDestination, cloudTokensIn,
                cloudTokensOut, heldForReview, agreement);
    }
}
