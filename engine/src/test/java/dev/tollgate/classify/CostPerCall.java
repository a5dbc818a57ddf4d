package dev.tollgate.classify;

import java.util.function.ToIntFunction;

/** Prints what one call costs on a text after warm-up: for benchmark tests that print figures, never assert them. */
final class CostPerCall {
    private static final int WARM_UP = 50_000;
    private static final int CALLS = 200_000;

    private CostPerCall() {
    }

    /** @param call returns something derived from its result, so that the JIT cannot drop the call */
    static void print(String name, String text, ToIntFunction<String> call) {
        int sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += call.applyAsInt(text);
        }
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            sink += call.applyAsInt(text);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / CALLS;
        System.out.printf("%s, %d chars: %.2f us per call (%d calls, sink %d)%n", name, text.length(), micros, CALLS,
                sink);
    }
}
