package dev.tollgate.pii;

import dev.tollgate.pii.ner.NerRecognizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prints detection throughput in MB/s on each adversarial 1 MB input ({@link AdversarialInputs}): the pattern
 * recognizers with normalisation, and with a NER model if one is given. Best of three runs after a warm-up run.
 * Also prints the per-call latency on a typical short text. Pin it to one core with taskset; the command is in docs/benchmarks.md.
 */
public final class DetectionBenchmark {
    private static final int MB = 1 << 20;
    private static final int RUNS = 3;

    private DetectionBenchmark() {
    }

    /** @param args optionally the NER model file */
    public static void main(String[] args) throws IOException {
        PiiDetector patterns = PiiDetector.defaults();
        PiiDetector withNer = args.length > 0 ? patterns.with(NerRecognizer.load(Path.of(args[0]), 0.5)) : null;
        System.out.printf("%-30s %12s %12s%n", "1 MB input", "patterns", withNer == null ? "" : "+ NER");
        for (Map.Entry<String, String> input : AdversarialInputs.UNITS.entrySet()) {
            String text = AdversarialInputs.of(input.getValue(), MB);
            System.out.printf("%-30s %8.2f MB/s %s%n", input.getKey(), megabytesPerSecond(patterns, text),
                    withNer == null ? "" : String.format("%7.2f MB/s", megabytesPerSecond(withNer, text)));
        }
        System.out.printf("patterns on the %d-char typical text: %.1f µs per call%n",
                AdversarialInputs.TYPICAL.length(), microsecondsPerCall(patterns, AdversarialInputs.TYPICAL));
    }

    private static double microsecondsPerCall(PiiDetector detector, String text) {
        int calls = 5_000;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < RUNS + 1; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                detector.recognize(text);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e3 / calls;
    }

    private static double megabytesPerSecond(PiiDetector detector, String text) {
        detector.recognize(text);
        long best = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            detector.recognize(text);
            best = Math.min(best, System.nanoTime() - start);
        }
        return (double) text.length() / MB / (best / 1e9);
    }
}
