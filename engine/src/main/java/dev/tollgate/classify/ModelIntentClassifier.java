package dev.tollgate.classify;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stage 2b of the derived task type: the on-device model asked, in a closed question, which of the task labels a
 * request asks for; its decoding admits only the labels. A failure, or no answer within the budget, derives
 * nothing. The model answers greedily, so the same text gets the same label while the
 * model keeps the budget; what it answered is recorded in the decision's facts, and replay reads it from there.
 */
public final class ModelIntentClassifier {
    private static final Logger LOG = System.getLogger(ModelIntentClassifier.class.getName());
    static final List<String> LABELS = List.of("faq", "reasoning", "chat", "draft", "summarize", "extract",
            "classify");
    /** The request is cut to this many characters: the question's cost stays bounded, whatever is pasted. */
    static final int MAX_CHARS = 600;
    private static final String QUESTION = "Classify the user's request into exactly one task label. Labels: "
            + "faq (a short factual question), reasoning (weigh, decide or analyse), chat (small talk), "
            + "draft (write a new text), summarize (shorten a text), extract (pull items out of a text), "
            + "classify (sort or label texts). Answer with the label only.";

    /** A model that answers a system and a user message with one of the given strings (SlmExecutor::choose). */
    @FunctionalInterface
    public interface Chooser {
        String choose(String system, String user, List<String> choices) throws Exception;
    }

    private final Chooser model;
    private final Duration budget;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** @param budget the longest a decision waits for the answer (the routing policy's setting) */
    public ModelIntentClassifier(Chooser model, Duration budget) {
        if (budget.isZero() || budget.isNegative()) {
            throw new IllegalArgumentException("the budget must be positive");
        }
        this.model = model;
        this.budget = budget;
    }

    /** The label the model names for the text; null when it names none or does not answer within the budget. */
    public String ask(String text) {
        String request = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Future<String> answer = threads.submit(() -> model.choose(QUESTION, request, LABELS));
        try {
            String label = answer.get(budget.toNanos(), TimeUnit.NANOSECONDS);
            return LABELS.contains(label) ? label : null;
        } catch (TimeoutException e) {
            answer.cancel(true); // leaves the model's queue if it is still waiting there
            LOG.log(Level.DEBUG, "the on-device model gave no task label within {0}", budget);
            return null;
        } catch (ExecutionException e) {
            // the cause's type only: a model's message may quote the request
            LOG.log(Level.WARNING, "the on-device model could not be asked for a task label: {0}",
                    e.getCause().getClass().getName());
            return null;
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
