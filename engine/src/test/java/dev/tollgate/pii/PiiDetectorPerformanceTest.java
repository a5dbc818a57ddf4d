package dev.tollgate.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.pii.ner.NerRecognizer;
import dev.tollgate.testing.TestService;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Detection cost is linear in the input: on every adversarial input, 8x the text costs at most 8x (plus a small
 * margin) the work, counted by {@link DetectionWork} (chars read by every regular expression, backtracking
 * included; chars visited by pre-scans and normalisation; tokens decoded by the name finder), never timed.
 * Speed itself is measured by {@link DetectionBenchmark}.
 */
class PiiDetectorPerformanceTest {
    private static final int N = 16_384;
    private static final double MAX_RATIO = 8.8;
    private static final long MAX_UNITS_PER_CHAR = 500;
    private static PiiDetector detector;

    @BeforeAll
    static void load() throws IOException {
        detector = PiiDetector.defaults().with(NerRecognizer.load(NerModelCache.modelFile(TestService.ROOT), 0.5));
    }

    private static long work(Runnable detection) {
        DetectionWork.start();
        detection.run();
        return DetectionWork.stop();
    }

    @Test
    void adversarialInputsTakeLinearWork() {
        for (Map.Entry<String, String> input : AdversarialInputs.UNITS.entrySet()) {
            String small = AdversarialInputs.of(input.getValue(), N);
            String big = AdversarialInputs.of(input.getValue(), 8 * N);
            long smallWork = work(() -> detector.recognize(small));
            long bigWork = work(() -> detector.recognize(big));
            double ratio = (double) bigWork / smallWork;
            long perChar = bigWork / big.length();
            System.out.printf("%-30s %8d chars %12d units  %8d chars %12d units  ratio %5.2f  %4d units/char%n",
                    input.getKey(), small.length(), smallWork, big.length(), bigWork, ratio, perChar);
            assertTrue(ratio <= MAX_RATIO, input.getKey() + ": 8x the input took " + ratio + "x the work");
            assertTrue(perChar <= MAX_UNITS_PER_CHAR, input.getKey() + ": " + perChar + " units per char");
        }
    }

    @Test
    void theCounterSeesQuadraticMatching() {
        Pattern quadratic = Pattern.compile("a*b");
        long small = work(() -> quadratic.matcher(DetectionWork.reading("a".repeat(1_000))).find());
        long big = work(() -> quadratic.matcher(DetectionWork.reading("a".repeat(8_000))).find());
        assertTrue((double) big / small > 30, "8x the input read " + (double) big / small + "x the chars");
    }
}
