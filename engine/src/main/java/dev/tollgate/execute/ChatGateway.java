package dev.tollgate.execute;

import dev.tollgate.config.Application;
import dev.tollgate.decision.DecideRequest;
import dev.tollgate.decision.Decision;

/**
 * Decide and execute in one call, for the OpenAI-compatible endpoint. Failures are thrown as
 * {@link dev.tollgate.terms.Refusal}; the endpoint chooses the status.
 */
public interface ChatGateway {

    /**
     * Hears of the chat as it happens: first the decision, then the answer's text piece by piece (a caller that
     * answers in one piece may ignore the pieces and take the execution's content).
     */
    interface Listener {
        /**
         * Called once, before any text: the decision (allowed or denied) is made and logged; {@code disclosure} is
         * the AI-interaction notice its obligations ask the answer to carry (null when none).
         */
        void decided(Decision decision, String disclosure);

        /** A piece of the answer, already restored; the pieces in order make up the execution's content. */
        void text(String piece);
    }

    /** The decision, and the execution when it was allowed (null when denied). */
    record Result(Decision decision, Execution execution) {
    }

    /**
     * Decides for the application and, when allowed, executes.
     *
     * @param options  how the caller asked the answer decoded
     * @param listener told of the decision and the answer's pieces; may be null
     */
    Result chat(Application app, DecideRequest request, int maxTokens, ChatOptions options, Listener listener);
}
