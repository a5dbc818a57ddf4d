package dev.tollgate.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextWordsTest {
    private final ContextWords words = ContextWords.of("tel", "telefon*", "né le", "d'assurance");

    @Test
    void matchesWholeWordsCaseInsensitivelyWithinTheWindow() {
        assertEquals("tel", words.findBefore("TEL: 123", 5));
        assertNull(words.findBefore("hotel 123", 6), "not inside another word");
        assertNull(words.findBefore("tel" + " ".repeat(ContextWords.WINDOW) + "123", 3 + ContextWords.WINDOW));
    }

    @Test
    void starMatchesCompoundsAndApostrophesAreFolded() {
        assertEquals("telefon", words.findBefore("Telefonnummer 123", 14));
        assertEquals("d'assurance", words.findBefore("numéro d’assurance 1", 19));
        assertEquals("né le", words.findBefore("Né le 1", 6));
    }

    @Test
    void findsEveryOccurrence() {
        List<Integer> starts = new ArrayList<>();
        words.forEachOccurrence("tel 1, Tel 2, hotel 3", (from, to) -> starts.add(from));
        assertEquals(List.of(0, 7), starts);
    }

    @Test
    void lowerKeepsIndicesAligned() {
        String text = "İSTANBUL";
        assertEquals(text.length(), ContextWords.lower(text, 0, text.length()).length());
    }

    @Test
    void boostRaisesToAtLeast085AndCapsAtOne() {
        assertEquals(0.85, ContextWords.boost(0.4), 1e-9);
        assertEquals(0.85, ContextWords.boost(0.6), 1e-9);
        assertEquals(1.0, ContextWords.boost(0.9), 1e-9);
    }
}
