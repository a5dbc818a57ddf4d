package dev.tollgate.execute;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgreementTest {
    @Test
    void sameWordsAgreeFullyWhateverTheirCaseOrderAndPunctuation() {
        assertEquals(1.0, Agreement.of(List.of("Paris is the capital.", "the CAPITAL is Paris", "Paris, capital: is the")));
    }

    @Test
    void isTheMeanPairwiseJaccardIndexOfTheWordSets() {
        // {a b c} {a b d}: 2/4; {a b c} {x}: 0; {a b d} {x}: 0 -> mean 1/6
        assertEquals(1.0 / 6, Agreement.of(List.of("a b c", "a b d", "x")), 1e-12);
        assertEquals(0.0, Agreement.of(List.of("red", "blue")));
    }

    @Test
    void readsWordsInTheirNormalFormAndAnyScript() {
        assertEquals(Set.of("file", "strasse", "straße", "42", "日本語"), Agreement.words("ﬁle STRASSE Straße ４２ 日本語"));
    }

    @Test
    void twoEmptyAnswersAgreeAndOneAnswerIsNotEnough() {
        assertEquals(1.0, Agreement.of(List.of("", " ... ")));
        assertEquals(0.0, Agreement.of(List.of("", "word")));
        assertThrows(IllegalArgumentException.class, () -> Agreement.of(List.of("alone")));
    }
}
