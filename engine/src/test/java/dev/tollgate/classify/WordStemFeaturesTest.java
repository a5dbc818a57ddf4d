package dev.tollgate.classify;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordStemFeaturesTest {
    private final WordStemFeatures features = new WordStemFeatures();

    @Test
    void inflectedFormsOfALongWordShareOneStem() {
        assertEquals(List.of("stem=diabe", "stem=diabe", "stem=diabe"),
                List.copyOf(features.extractFeatures(new String[] {"diabetico", "diabetica", "diabetici"}, Map.of())));
    }

    @Test
    void shortWordsAndNumbersGiveNoStem() {
        assertEquals(List.of(), List.copyOf(features.extractFeatures(new String[] {"ha", "il", "cancro", "2026123"}, Map.of())));
    }
}
