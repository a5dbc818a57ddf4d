package dev.tollgate.classify;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextFoldingTest {
    @Test
    void lowersCaseAndDropsAccents() {
        assertEquals("arztin diabete sintomo nino", TextFolding.fold("Ärztin DIABÈTE síntomo niño"));
    }

    @Test
    void precomposedAndDecomposedSpellingsFoldAlike() {
        assertEquals(TextFolding.fold("Caf\u00e9"), TextFolding.fold("Cafe\u0301"));
    }

    @Test
    void expandsLettersThatNfdKeepsWhole() {
        assertEquals("fuss coeur aether oresund", TextFolding.fold("Fuß cœur Æther Øresund"));
    }

    @Test
    void leavesPunctuationAndDigitsInPlace() {
        assertEquals("x-ray, 2x/day (d'ansia)", TextFolding.fold("X-Ray, 2x/Day (d'ansia)"));
    }
}
