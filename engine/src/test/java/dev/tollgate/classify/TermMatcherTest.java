package dev.tollgate.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TermMatcherTest {
    private static final int A = 1;
    private static final int B = 2;
    private static final int C = 4;

    private static int match(String text, Term... terms) {
        return new TermMatcher(List.of(terms)).match(TextFolding.fold(text));
    }

    @Test
    void wholeWordTermsMatchOnlyWholeWords() {
        Term asthme = Term.parse("asthme", A);
        assertEquals(A, match("Il a de l'asthme.", asthme));
        assertEquals(0, match("asthmes", asthme));
        assertEquals(0, match("pseudoasthme", asthme));
    }

    @Test
    void trailingStarMatchesWordsStartingWithTheTerm() {
        Term diabet = Term.parse("diabet*", A);
        for (String word : List.of("diabetes", "Diabetiker", "diabétique", "diabetico", "diabet")) {
            assertEquals(A, match(word, diabet), word);
        }
        assertEquals(0, match("prediabetes", diabet));
    }

    @Test
    void leadingStarMatchesWordsEndingWithTheTerm() {
        Term krebs = Term.parse("*krebs", A);
        assertEquals(A, match("Lungenkrebs", krebs));
        assertEquals(A, match("Krebs", krebs));
        assertEquals(0, match("Krebsvorsorge", krebs));
    }

    @Test
    void multiWordTermsNeedTheirWordsInSequence() {
        Term tradeUnion = Term.parse("trade union*", A);
        assertEquals(A, match("She is a trade unionist.", tradeUnion));
        assertEquals(A, match("Trade-Union dues", tradeUnion));
        assertEquals(0, match("the union of trade partners", tradeUnion));
        assertEquals(0, match("trade", tradeUnion));
    }

    @Test
    void everyWordOfATermMayBeAPattern() {
        Term opinions = Term.parse("opinion* politic*", A);
        assertEquals(A, match("le sue opinioni politiche", opinions));
        assertEquals(0, match("opinioni economiche", opinions));
    }

    @Test
    void punctuationInsideATermSplitsWordsLikeInTheText() {
        Term xray = Term.parse("x-ray*", A);
        assertEquals(A, match("an X ray of the chest", xray));
        assertEquals(A, match("two x-rays", xray));
        Term ansia = Term.parse("disturbo d'ansia", A);
        assertEquals(A, match("un disturbo d’ansia", ansia));
    }

    @Test
    void reportsEachClassFoundAsABit() {
        Term a = Term.parse("alpha", A);
        Term b = Term.parse("beta*", B);
        Term c = Term.parse("*gamma", C);
        assertEquals(A | C, match("alpha omegagamma", a, b, c));
        assertEquals(A | B | C, match("gamma betamax alpha", a, b, c));
        assertEquals(0, match("", a, b, c));
    }

    @Test
    void aTermNeedsLettersOrDigits() {
        assertThrows(IllegalArgumentException.class, () -> Term.parse("*", A));
        assertThrows(IllegalArgumentException.class, () -> Term.parse("- / -", A));
        assertThrows(IllegalArgumentException.class, () -> Term.parse("*both*", A));
    }
}
