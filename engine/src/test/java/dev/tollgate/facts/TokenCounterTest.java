package dev.tollgate.facts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenCounterTest {
    @Test
    void nothingAndWhiteSpaceCostNothing() {
        assertEquals(0, TokenCounter.count(""));
        assertEquals(0, TokenCounter.count(" \t\n\u00a0 "));
    }

    @Test
    void aWordUpToSixLettersIsOneToken() {
        assertEquals(1, TokenCounter.count("a"));
        assertEquals(1, TokenCounter.count("health"));
        assertEquals(3, TokenCounter.count("the cat sat"));
    }

    @Test
    void longerWordsCostOneTokenPerFurtherFourLetters() {
        assertEquals(2, TokenCounter.count("patients"));
        assertEquals(2, TokenCounter.count("diagnosed"));
        assertEquals(3, TokenCounter.count("diagnostiziert"));
        assertEquals(5, TokenCounter.count("Donaudampfschifffahrt"));
    }

    @Test
    void digitsCostOneTokenPerThree() {
        assertEquals(1, TokenCounter.count("7"));
        assertEquals(1, TokenCounter.count("123"));
        assertEquals(2, TokenCounter.count("2024"));
        assertEquals(3, TokenCounter.count("1234567"));
    }

    @Test
    void eachPunctuationOrSymbolIsOneToken() {
        assertEquals(4, TokenCounter.count(".,;!"));
        assertEquals(3, TokenCounter.count("€ % @"));
        assertEquals(1, TokenCounter.count("\uD83D\uDE00"));
    }

    @Test
    void lettersOfOtherScriptsAreOneTokenEach() {
        assertEquals(5, TokenCounter.count("你好世界吗"));
        assertEquals(6, TokenCounter.count("привет"));
    }

    @Test
    void accentsDoNotSplitAWordInEitherSpelling() {
        assertEquals(TokenCounter.count("diab\u00e9tique"), TokenCounter.count("diabe\u0301tique"));
        assertEquals(2, TokenCounter.count("diabe\u0301tique"));
    }

    @Test
    void runsAreCountedSeparatelyWhereLettersDigitsAndSymbolsMeet() {
        assertEquals(9, TokenCounter.count("Diabetes Typ 2, seit 2019."));
        assertEquals(2, TokenCounter.count("cvv2"));
        assertEquals(5, TokenCounter.count("A-12/b"));
    }
}
