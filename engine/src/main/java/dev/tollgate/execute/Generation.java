package dev.tollgate.execute;

/**
 * A model's answer.
 *
 * @param confidence   in [0, 1], from the token log-probabilities where the executor has them (the SLM); null
 *                     when it does not
 * @param finishReason "stop" (the model ended), "length" (maxTokens reached)
 */
public record Generation(String text, int promptTokens, int completionTokens, Double confidence,
                         String finishReason) {

    /** Without the text: model output must not reach a log through a toString. */
    @Override
    public String toString() {
        return "Generation[" + text.length() + " chars, " + promptTokens + "+" + completionTokens + " tokens, confidence="
                + confidence + ", " + finishReason + "]";
    }
}
