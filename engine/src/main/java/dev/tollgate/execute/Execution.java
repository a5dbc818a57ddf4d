package dev.tollgate.execute;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tollgate.decision.DecideRequest.ToolCall;

import dev.tollgate.execute.review.ReviewDesk;
import dev.tollgate.terms.Strategy;

import java.util.List;

/**
 * What carrying out an allowed decision gave the caller.
 *
 * @param destination    where the answer finally came from (after any escalation)
 * @param strategy       the strategy applied; offline when the cloud was unreachable and the on-device model
 *                       answered instead
 * @param escalated      whether the on-device answer was passed to the cloud (cascade below threshold,
 *                       draft_verify)
 * @param content        the answer, placeholders restored where policy allows
 * @param confidence     the on-device model's confidence when it answered first, else null
 * @param disclosure     the AI-interaction notice to show the user (EU AI Act Art. 50), null when not required
 * @param humanOversight whether a human must review the answer before it is acted on
 * @param finishReason   "stop" or "length"
 * @param validationId   for an offline answer: the id of its queued cloud validation
 *                       ({@code GET /v1/validations/{id}}); null otherwise
 * @param review         when the answer is held for a reviewer: the review, and no content; else null
 * @param toolCalls      the tools the model called, placeholders in their arguments restored; empty when none
 */
public record Execution(String decisionId, String destination, Strategy strategy, boolean escalated, String content,
                        int promptTokens, int completionTokens, Double confidence, String disclosure,
                        boolean humanOversight, String finishReason, String validationId,
                        Review review, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCall> toolCalls) {
    public Execution {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public Execution(String decisionId, String destination, Strategy strategy, boolean escalated, String content,
                     int promptTokens, int completionTokens, Double confidence, String disclosure,
                     boolean humanOversight, String finishReason, String validationId, Review review) {
        this(decisionId, destination, strategy, escalated, content, promptTokens, completionTokens, confidence,
                disclosure, humanOversight, finishReason, validationId, review, List.of());
    }

    /** An answer held for review: {@code id} is the review's id (the decision's), for GET /v1/reviews/{id}. */
    public record Review(String id, ReviewDesk.Status status) {
    }

    /** This execution as its caller sees it while its answer is held: the review instead of the content. */
    Execution held() {
        return new Execution(decisionId, destination, strategy, escalated, null, promptTokens, completionTokens,
                confidence, disclosure, humanOversight, finishReason, validationId,
                new Review(decisionId, ReviewDesk.Status.PENDING), List.of());
    }

    @Override
    public String toString() {
        return "Execution[" + decisionId + " " + destination + " " + strategy.wire() + ", "
                + (review != null ? "held for review" : content.length() + " chars") + "]";
    }
}
