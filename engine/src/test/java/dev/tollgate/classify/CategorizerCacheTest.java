package dev.tollgate.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A categorizer loaded from the cache answers exactly as the one trained in memory, on the evaluation texts. */
class CategorizerCacheTest {
    private static final CategorizerCache IN_MEMORY = new CategorizerCache(Optional.empty());

    @Test
    void theLoadedSensitivityModelGivesTheTrainedOnesProbabilities(@TempDir Path dir) throws IOException {
        CategorizerCache cache = new CategorizerCache(Optional.of(dir));
        SensitivityModel trained = SensitivityModel.train(IN_MEMORY);
        SensitivityModel.train(cache);
        assertEquals(List.of("sensitivity"), storedNames(dir));
        SensitivityModel loaded = SensitivityModel.train(cache);
        for (LabelledText text : EvalSets.dev()) {
            List<String> sentences = ClassifierInput.sentences(text.text());
            assertArrayEquals(trained.probabilities(sentences), loaded.probabilities(sentences), text.text());
        }
    }

    @Test
    void theLoadedTaskTypeModelGivesTheTrainedOnesGuesses(@TempDir Path dir) throws IOException {
        CategorizerCache cache = new CategorizerCache(Optional.of(dir));
        TaskTypeClassifier trained = new TaskTypeClassifier(null, IN_MEMORY);
        new TaskTypeClassifier(null, cache);
        assertEquals(List.of("task-type"), storedNames(dir));
        TaskTypeClassifier loaded = new TaskTypeClassifier(null, cache);
        for (String part : List.of("dev", "test")) {
            for (TaskTypeEvaluation.Example example : TaskTypeEvaluation.read(part)) {
                assertEquals(trained.guess(example.text()), loaded.guess(example.text()), example.text());
            }
        }
    }

    /** The models stored, by name without their digest; one file each, nothing left half-written. */
    private static List<String> storedNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).map(f -> f.substring(0, f.lastIndexOf('-'))).toList();
        }
    }
}
