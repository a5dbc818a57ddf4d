package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.mask.HashKey;
import dev.tollgate.mask.Masker;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.policy.Obligation;
import dev.tollgate.terms.ObligationType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingRestorerTest {

    private static MaskedLegs legs() {
        return new MaskedLegs(List.of(new Message("user", "Write to ana.lopez@example.org and bo@example.com")),
                List.of(new Obligation(ObligationType.MASK, List.of("EMAIL_ADDRESS"), null)), PiiDetector.defaults(),
                new Masker(Map.of(), HashKey.random()));
    }

    @Test
    void placeholdersSplitAcrossPiecesAreRestored() {
        MaskedLegs legs = legs();
        String answer = "I wrote to <EMAIL_ADDRESS_1> and then to <  EMAIL_ADDRESS_2  > as asked. "
                + "x".repeat(120) + " Reply sent to <EMAIL_ADDRESS_1>.";
        for (int size : new int[] {1, 2, 3, 5, 7, 11, 64}) {
            List<String> out = new ArrayList<>();
            StreamingRestorer restorer = new StreamingRestorer(legs, out::add);
            for (int i = 0; i < answer.length(); i += size) {
                restorer.accept(answer.substring(i, Math.min(answer.length(), i + size)));
            }
            restorer.finish();
            String joined = String.join("", out);
            assertEquals(legs.restore(answer), joined, "pieces of " + size);
            assertTrue(joined.contains("ana.lopez@example.org") && joined.contains("bo@example.com"));
            assertFalse(joined.contains("EMAIL_ADDRESS"));
        }
    }

    @Test
    void textIsPassedOnBeforeTheAnswerEnds() {
        List<String> out = new ArrayList<>();
        StreamingRestorer restorer = new StreamingRestorer(legs(), out::add);
        for (int i = 0; i < 40; i++) {
            restorer.accept("word" + i + " ");
        }
        assertFalse(out.isEmpty(), "a long answer streams before it ends");
    }
}
