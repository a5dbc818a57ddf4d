package dev.tollgate.execute.slm;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import dev.tollgate.decision.DecideRequest.Message;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures the on-device model's speed with the executor's settings (temperature 0, seed 42, no prompt cache,
 * one instance): a warm-up, then N runs of one fixed prompt, each generating a fixed number of tokens
 * (end-of-generation ignored). Prints rates timed in Java around the streamed outputs: prompt eval = prompt
 * tokens / time to the first token, generation = tokens after the first / time from the first to the last.
 * llama.cpp's own timings for each request ("prompt eval time", "eval time") go to standard error. Then times
 * {@link TokenScorer} on the prompt and the last run's answer (a warm-up, then N scorings).
 *
 * <p>Usage: {@code SlmBenchmark <gguf> [threads=1] [runs=5] [tokens=64]}
 */
public final class SlmBenchmark {
    private static final String PROMPT = "Summarise the following notice for a customer in two sentences. Our "
            + "offices will be closed on Monday for the regional holiday. Orders placed over the weekend will be "
            + "processed on Tuesday morning, and deliveries scheduled for Monday will arrive one day later than "
            + "planned. Support by e-mail stays open, and urgent requests are answered within four hours.";

    private SlmBenchmark() {
    }

    public static void main(String[] args) {
        String gguf = args[0];
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int tokens = args.length > 3 ? Integer.parseInt(args[3]) : 64;

        SlmExecutor.privateNativeDirectory();
        try (LlamaModel model = new LlamaModel(SlmExecutor.modelParameters(gguf, 2048, threads))) {
            String prompt = model.applyTemplate(SlmExecutor.chat(List.of(new Message("user", PROMPT))));
            int promptTokens = model.encode(prompt).length;
            InferenceParameters inference = SlmExecutor.greedy(prompt).setIgnoreEos(true).setNPredict(tokens);

            StringBuilder answer = new StringBuilder();
            run(model, inference, answer);
            double promptRate = 0;
            double generationRate = 0;
            for (int i = 0; i < runs; i++) {
                double[] run = run(model, inference, answer);
                promptRate += promptTokens / run[0] / runs;
                generationRate += (run[1] - 1) / run[2] / runs;
            }
            System.out.printf(Locale.ROOT, "%d threads, prompt %d tokens, %d generated, %d runs after a warm-up%n",
                    threads, promptTokens, tokens, runs);
            System.out.printf(Locale.ROOT, "prompt eval %.1f tokens/s, generation %.1f tokens/s%n",
                    promptRate, generationRate);
            try (TokenScorer scorer = TokenScorer.load(Path.of(gguf), 2048, threads)) {
                String text = answer.toString();
                int answerTokens = scorer.score(prompt, text).tokens().length;
                long start = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    scorer.score(prompt, text);
                }
                System.out.printf(Locale.ROOT, "scoring %d prompt + %d answer tokens: %.0f ms%n", promptTokens,
                        answerTokens, (System.nanoTime() - start) / 1e6 / runs);
            }
        }
        // the binding's native worker thread stays attached to the JVM as a non-daemon thread
        System.exit(0);
    }

    /**
     * Replaces {@code answer} with the run's text.
     *
     * @return seconds until the first token, tokens with text, seconds from the first to the last of them
     */
    private static double[] run(LlamaModel model, InferenceParameters inference, StringBuilder answer) {
        answer.setLength(0);
        long start = System.nanoTime();
        long first = 0;
        long last = 0;
        int pieces = 0;
        LlamaIterator outputs = model.generate(inference).iterator();
        while (outputs.hasNext()) {
            String text = outputs.next().text;
            answer.append(text);
            if (!text.isEmpty()) {
                last = System.nanoTime();
                first = pieces++ == 0 ? last : first;
            }
        }
        return new double[] {(first - start) / 1e9, pieces, (last - first) / 1e9};
    }
}
