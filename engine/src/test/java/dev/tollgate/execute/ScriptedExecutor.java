package dev.tollgate.execute;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * An executor for strategy tests that answers from a script (a generation or a failure per call) and keeps
 * what it was asked. The end-to-end tests use the real on-device model and a real OpenAI-compatible server;
 * this one exists so each branch of a strategy can be reached with exact confidences and failures.
 */
final class ScriptedExecutor implements Executor {
    private final String destination;
    private final Deque<Object> script = new ArrayDeque<>();
    final List<GenerationRequest> requests = new ArrayList<>();

    ScriptedExecutor(String destination) {
        this.destination = destination;
    }

    ScriptedExecutor answers(String text, Double confidence) {
        script.add(new Generation(text, 10, 5, confidence, "stop"));
        return this;
    }

    /** The next call waits until {@code gate} opens, then answers {@code text}. */
    ScriptedExecutor answersWhenOpened(CountDownLatch gate, String text) {
        script.add(new Gated(gate, new Generation(text, 10, 5, null, "stop")));
        return this;
    }

    private record Gated(CountDownLatch gate, Generation answer) {
    }

    ScriptedExecutor fails(ExecutorException.Kind kind) {
        script.add(new ExecutorException(kind, "scripted " + kind));
        return this;
    }

    @Override
    public String destination() {
        return destination;
    }

    @Override
    public Generation generate(GenerationRequest request) throws ExecutorException {
        requests.add(request);
        Object next = script.poll();
        if (next == null) {
            throw new AssertionError(destination + " was called more often than scripted");
        }
        if (next instanceof ExecutorException e) {
            throw e;
        }
        if (next instanceof Gated gated) {
            try {
                gated.gate().await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return gated.answer();
        }
        return (Generation) next;
    }

    @Override
    public Generation stream(GenerationRequest request, Consumer<String> onText) throws ExecutorException {
        Generation g = generate(request);
        int half = g.text().length() / 2;
        onText.accept(g.text().substring(0, half));
        onText.accept(g.text().substring(half));
        return g;
    }

    @Override
    public void close() {
    }
}
