package dev.tollgate.pii.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.ner.AnnotatedText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static Finding finding(String type, int start, int end) {
        return new Finding(type, start, end, 0.9, "test", "test");
    }

    @Test
    void aShiftedSpanCountsForOverlapButNotForExactMatching() {
        Scorer scorer = new Scorer();
        scorer.add(List.of(new AnnotatedText.Span(0, 10, "PERSON"), new AnnotatedText.Span(20, 26, "LOCATION")),
                List.of(finding("PERSON", 3, 10), finding("LOCATION", 20, 26), finding("LOCATION", 30, 33)));

        Scorer.TypeScore exactPerson = scorer.scores(Scorer.Matching.EXACT).get(1);
        assertEquals("PERSON", exactPerson.type());
        assertEquals(0.0, exactPerson.f1());
        Scorer.TypeScore overlapPerson = scorer.scores(Scorer.Matching.OVERLAP).get(1);
        assertEquals(1.0, overlapPerson.f1());

        Scorer.TypeScore location = scorer.scores(Scorer.Matching.EXACT).get(0);
        assertEquals(0.5, location.precision());
        assertEquals(1.0, location.recall());
    }

    @Test
    void aFindingOfTheWrongTypeIsBothAMissAndAFalseAlarm() {
        Scorer scorer = new Scorer();
        scorer.add(List.of(new AnnotatedText.Span(0, 5, "PERSON")), List.of(finding("LOCATION", 0, 5)));
        assertEquals(0.0, scorer.total(Scorer.Matching.OVERLAP, "all", Set.of("PERSON", "LOCATION")).f1());
    }
}
