package dev.tollgate.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Guards against catastrophic regex backtracking: adversarial inputs at N and 8N characters must take at most
 * about linear time (ratio under 20 for 8x the input). Also prints the per-call latency on a typical text.
 *
 * <p>Rerun: {@code mvn -B -q -o -Dtollgate.build.dir=/tmp/build-pii test -Dtest=PiiDetectorPerformanceTest}; the
 * figures are in {@code surefire-reports/dev.tollgate.pii.PiiDetectorPerformanceTest-output.txt}.
 */
class PiiDetectorPerformanceTest {
    private static final PiiDetector DETECTOR = PiiDetector.defaults();
    private static final double MAX_RATIO = 20;

    private static final String TYPICAL = "Hello, my name is Anna Schmidt and I live in Berlin. Please send the "
            + "invoice to anna.schmidt@example.de or call me at +49 30 1234567. My IBAN is DE89 3704 0044 0532 0130 00, "
            + "card 5454 5454 5454 5454. Date of birth: 12.03.1985. The server at 10.0.0.12 logged the request from "
            + "https://portal.example.com/login. Order 20240315 shipped on 2024-03-15, tracking 1Z999AA10123456784, "
            + "total 149,90 EUR. Thanks for your help with the claim, it has been a long week.\nRegards,\nAnna Schmidt";

    @Test
    void adversarialInputsTakeLinearTime() {
        // Each generator takes a repetition count; the second number is N (the big input is 8N repetitions).
        Map<String, Map.Entry<IntFunction<String>, Integer>> inputs = new LinkedHashMap<>();
        inputs.put("a@a.a up to 100k times", Map.entry(n -> "a@a.a".repeat(n), 12_500));
        inputs.put("digit run", Map.entry(n -> "7".repeat(n), 16_000));
        inputs.put("digit groups", Map.entry(n -> "1234 ".repeat(n), 4_000));
        inputs.put("zeros and spaces", Map.entry(n -> "0 ".repeat(n), 8_000));
        inputs.put("plus signs", Map.entry(n -> "+1 ".repeat(n), 5_000));
        inputs.put("capitalised words", Map.entry(n -> "Abc ".repeat(n), 4_000));
        inputs.put("titles and names", Map.entry(n -> "Mr Abc ".repeat(n), 2_000));
        inputs.put("a.b. up to 1 MB", Map.entry(n -> "a.b.".repeat(n), 32_768));
        inputs.put("hex and colons", Map.entry(n -> "ab:".repeat(n), 5_000));
        inputs.put("upper-case alphanumerics", Map.entry(n -> "ABCD1234".repeat(n), 2_000));
        inputs.put("alternating letter digit", Map.entry(n -> "a1".repeat(n), 8_000));
        inputs.put("birth context and dots", Map.entry(n -> "born 1.1.".repeat(n), 2_000));
        inputs.put("URL prefixes", Map.entry(n -> "http://a.a.a.a.a.".repeat(n), 1_000));
        inputs.put("typical text", Map.entry(n -> (TYPICAL + ' ').repeat(n), 32));
        for (Map.Entry<String, Map.Entry<IntFunction<String>, Integer>> input : inputs.entrySet()) {
            int n = input.getValue().getValue();
            String small = input.getValue().getKey().apply(n);
            String big = input.getValue().getKey().apply(8 * n);
            DETECTOR.recognize(small);
            DETECTOR.recognize(small);
            long smallNanos = bestOf(5, small);
            DETECTOR.recognize(big);
            long bigNanos = bestOf(2, big);
            double ratio = (double) bigNanos / smallNanos;
            System.out.printf("%-26s %8d chars %8.2f ms  %8d chars %8.2f ms  ratio %5.1f%n", input.getKey(),
                    small.length(), smallNanos / 1e6, big.length(), bigNanos / 1e6, ratio);
            assertTrue(ratio < MAX_RATIO, input.getKey() + ": 8x input took " + ratio + "x the time");
        }
    }

    @Test
    void printsPerCallLatencyOnATypicalText() {
        int calls = 5_000;
        for (int i = 0; i < calls; i++) {
            DETECTOR.recognize(TYPICAL);
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                DETECTOR.recognize(TYPICAL);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("PiiDetector.recognize on %d chars: %.1f µs per call (best of 3 rounds of %d calls)%n",
                TYPICAL.length(), best / 1e3 / calls, calls);
    }

    private static long bestOf(int runs, String text) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            DETECTOR.recognize(text);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
