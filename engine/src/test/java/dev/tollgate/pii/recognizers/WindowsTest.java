package dev.tollgate.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {

    private static List<String> windows(Windows windows, String text) {
        List<String> out = new ArrayList<>();
        windows.forEach(text, (from, to) -> out.add(text.substring(from, to)));
        return out;
    }

    @Test
    void runsKeepOnlyStretchesWithEnoughSeeds() {
        Windows digits = Windows.runs(CharClass.NUMERIC, CharClass.DIGIT, 4);
        assertEquals(List.of(" 12 34 ", " 5678"), windows(digits, "a 12 34 b 1 c 5678"));
    }

    @Test
    void noBreakSpacesJoinNumberGroups() {
        Windows digits = Windows.runs(CharClass.NUMERIC, CharClass.DIGIT, 4);
        assertEquals(List.of("12\u00A034\u202F56"), windows(digits, "12\u00A034\u202F56"));
    }

    @Test
    void afterContextMergesOverlappingReaches() {
        Windows after = Windows.afterContext(ContextWords.of("dob"), 7);
        assertEquals(List.of(" 1 dob 2 dob 3"), windows(after, "dob 1 dob 2 dob 3"));
        Windows shortReach = Windows.afterContext(ContextWords.of("dob"), 3);
        assertEquals(List.of(" 1 ", " 2"), windows(shortReach, "dob 1 xxxxxxxxxx dob 2"));
    }
}
