package dev.tollgate.execute.slm;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenScorerTest {
    @Test
    void acceptsTheBundledBuildsContextDefaults() {
        try (Arena arena = Arena.ofConfined()) {
            assertDoesNotThrow(() -> TokenScorer.checkDefaults(defaults(arena, 0)));
        }
    }

    @Test
    void refusesContextDefaultsWhoseLeadingFieldsMoved() {
        try (Arena arena = Arena.ofConfined()) {
            // as if a new 8-byte field had been put in front of n_ctx
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> TokenScorer.checkDefaults(defaults(arena, 8)));

            assertTrue(e.getMessage().contains("n_ctx=0 n_batch=0 n_ubatch=512 n_seq_max=2048"), e.getMessage());
        }
    }

    /** llama_context_default_params() of llama.cpp build 4916 on a machine where it picks 4 threads. */
    private static MemorySegment defaults(Arena arena, long shift) {
        MemorySegment params = arena.allocate(256);
        int[] leading = {512, 2048, 512, 1, 4, 4};
        for (int i = 0; i < leading.length; i++) {
            params.set(JAVA_INT, shift + 4L * i, leading[i]);
        }
        return params;
    }
}
