package dev.tollgate.pii.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import dev.tollgate.pii.ner.AnnotatedText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluateCommandTest {
    private final List<AnnotatedText> set = List.of(
            HandWrittenTexts.parse("en", "Ask [[PERSON|Kai]] about https://example.org"),
            HandWrittenTexts.parse("en", "Nothing here."));

    @Test
    void findingsOfTypesTheSetDoesNotLabelAreIgnored() {
        Recognizer detector = text -> text.startsWith("Ask")
                ? List.of(new Finding("PERSON", 4, 7, 0.9, "t", "t"), new Finding("URL", 14, 33, 0.9, "t", "t"))
                : List.of();
        EvaluateCommand.Result result = EvaluateCommand.evaluate("stub", detector, set);
        assertEquals(1, result.ignoredFindings());
        assertEquals(1.0, result.scorer().scores(Scorer.Matching.EXACT).get(0).f1());
        assertTrue(result.textsPerSecond() > 0);
    }

    @Test
    void twoDetectorsArePrintedSideBySideWithTheirThroughputRatio() {
        EvaluateCommand.Result a = EvaluateCommand.evaluate("a", text -> List.of(), set);
        EvaluateCommand.Result b = EvaluateCommand.evaluate("b", text -> List.of(), set);
        String table = EvaluateCommand.sideBySide(a, b);
        assertTrue(table.contains("PERSON"));
        assertTrue(table.contains("ratio"));
    }

    @Test
    void anUnknownDetectorNameIsRejectedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DetectorRegistry.builtIn().create("no-such-detector", Map.of()));
        assertTrue(e.getMessage().contains("local"));
    }

    @Test
    void optionsArePairsOfNameAndValue() {
        assertEquals(Map.of("set", "eval/test.jsonl", "compare", "presidio"),
                EvaluateCommand.options(new String[] {"--set", "eval/test.jsonl", "--compare", "presidio"}));
        assertThrows(IllegalArgumentException.class, () -> EvaluateCommand.options(new String[] {"--set"}));
    }
}
