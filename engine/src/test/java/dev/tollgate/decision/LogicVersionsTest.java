package dev.tollgate.decision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogicVersionsTest {
    @Test
    void theCodeIsNamedByContentDigests() {
        Map<String, String> versions = LogicVersions.of(Optional.empty());

        assertEquals(Set.of("classifiers", "combiner", "detectors"), versions.keySet());
        assertTrue(versions.values().stream().allMatch(v -> v.matches("sha256:[0-9a-f]{64}")), versions::toString);
        assertEquals(3, Set.copyOf(versions.values()).size(), "each part has its own digest");
        assertEquals(LogicVersions.combiner(), versions.get(LogicVersions.COMBINER));
    }

    @Test
    void theNerModelIsNamedByItsContent(@TempDir Path dir) throws Exception {
        Path model = Files.write(dir.resolve("ner-test.bin"), new byte[]{1, 2, 3});
        String first = LogicVersions.of(Optional.of(model)).get("ner_model");
        Files.write(model, new byte[]{1, 2, 4});

        assertTrue(first.startsWith("sha256:"), first);
        assertNotEquals(first, LogicVersions.of(Optional.of(model)).get("ner_model"));
    }
}
