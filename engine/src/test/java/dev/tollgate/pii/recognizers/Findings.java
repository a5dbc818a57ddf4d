package dev.tollgate.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import java.util.List;

/** Assertions on findings by the exact span of a value in the text. */
public final class Findings {
    private Findings() {
    }

    /** The finding of {@code type} covering exactly the first occurrence of {@code value}; fails if absent. */
    public static Finding found(Recognizer recognizer, String text, String value, String type) {
        int start = text.indexOf(value);
        assertTrue(start >= 0, "test text must contain the value");
        List<Finding> findings = recognizer.recognize(text);
        for (Finding f : findings) {
            if (f.start() == start && f.end() == start + value.length() && f.type().equals(type)) {
                assertEquals("pattern", f.source());
                assertTrue(f.score() > 0 && f.score() <= 1.0, "score in (0, 1]");
                assertTrue(!f.explanation().isBlank() && !f.explanation().contains(value),
                        "explanation present and free of the value");
                return f;
            }
        }
        return fail("expected " + type + " at [" + start + ", " + (start + value.length()) + ") in findings " + findings);
    }

    public static void none(Recognizer recognizer, String text) {
        List<Finding> findings = recognizer.recognize(text);
        assertTrue(findings.isEmpty(), () -> "expected no findings, got " + findings);
    }
}
