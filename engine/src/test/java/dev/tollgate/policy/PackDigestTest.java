package dev.tollgate.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackDigestTest {
    @TempDir
    Path dir;

    @Test
    void sameFilesInAnyOrderGiveTheSameDigest() throws Exception {
        Files.writeString(dir.resolve("a.drl"), "rule a");
        Files.writeString(dir.resolve("b.drl"), "rule b");
        String one = PackDigest.of(dir, List.of(Path.of("a.drl"), Path.of("b.drl")));
        String two = PackDigest.of(dir, List.of(Path.of("b.drl"), Path.of("a.drl")));
        assertEquals(one, two);
        assertTrue(one.startsWith("sha256:") && one.length() == 7 + 64);
    }

    @Test
    void movingBytesBetweenNameAndContentChangesTheDigest() throws Exception {
        Files.writeString(dir.resolve("ab"), "c");
        String first = PackDigest.of(dir, List.of(Path.of("ab")));
        Files.delete(dir.resolve("ab"));
        Files.writeString(dir.resolve("a"), "bc");
        assertNotEquals(first, PackDigest.of(dir, List.of(Path.of("a"))));
    }
}
