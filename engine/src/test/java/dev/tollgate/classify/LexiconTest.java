package dev.tollgate.classify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class LexiconTest {
    @Test
    void everyClassHasALexiconThatOpensWithAHeaderSayingWhatItCovers() throws IOException {
        for (SensitivityClass cls : SensitivityClass.values()) {
            try (InputStream in = LexiconTest.class.getResourceAsStream(cls.lexiconResource())) {
                assertNotNull(in, cls.lexiconResource());
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(text.startsWith("# " + cls.label() + ": "), cls.lexiconResource());
            }
            assertFalse(Lexicon.lines(cls.lexiconResource()).isEmpty(), cls.lexiconResource());
        }
    }

    @Test
    void noTermIsListedTwiceInOneLexiconOnceFolded() {
        for (SensitivityClass cls : SensitivityClass.values()) {
            Map<Term, String> seen = new HashMap<>();
            for (String line : Lexicon.lines(cls.lexiconResource())) {
                String earlier = seen.put(Term.parse(line, cls.bit()), line);
                if (earlier != null) {
                    fail(cls.lexiconResource() + ": \"" + line + "\" repeats \"" + earlier + "\"");
                }
            }
        }
    }

    @Test
    void noSingleWordTermIsAlreadyCoveredByAPrefixOrSuffixTermOfItsLexicon() {
        for (SensitivityClass cls : SensitivityClass.values()) {
            List<WordPattern> single = Lexicon.lines(cls.lexiconResource()).stream()
                    .map(line -> Term.parse(line, cls.bit()).words())
                    .filter(words -> words.size() == 1).map(words -> words.get(0)).toList();
            for (WordPattern term : single) {
                for (WordPattern other : single) {
                    if (term != other && covers(other, term)) {
                        fail(cls.lexiconResource() + ": " + term.text() + " is covered by " + other);
                    }
                }
            }
        }
    }

    private static boolean covers(WordPattern wider, WordPattern narrower) {
        return switch (wider.kind()) {
            case PREFIX -> narrower.kind() != WordPattern.Kind.SUFFIX && narrower.text().startsWith(wider.text());
            case SUFFIX -> narrower.kind() != WordPattern.Kind.PREFIX && narrower.text().endsWith(wider.text());
            case WORD -> false;
        };
    }

    @Test
    void termsAreShortPhrasesNotSentences() {
        for (SensitivityClass cls : SensitivityClass.values()) {
            for (String line : Lexicon.lines(cls.lexiconResource())) {
                List<WordPattern> words = Term.parse(line, cls.bit()).words();
                assertTrue(words.size() <= 8, cls.lexiconResource() + ": " + line);
            }
        }
    }
}
