package dev.tollgate.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PolicyFilesTest {
    @TempDir
    Path dir;

    @Test
    void listsVisibleFilesSortedByRelativePath() throws Exception {
        write("routing/routing.csv");
        write("gdpr/reference.json");
        write("gdpr/gdpr.drl");
        write("README.md");
        write("gdpr/.gdpr.drl.swp");
        write(".git/HEAD");
        Files.createDirectories(dir.resolve("empty-pack"));

        assertEquals(List.of(Path.of("README.md"), Path.of("gdpr/gdpr.drl"), Path.of("gdpr/reference.json"),
                Path.of("routing/routing.csv")), PolicyFiles.list(dir));
    }

    @Test
    void followsSymbolicLinksAsAConfigMapMountHasThem() throws Exception {
        write("..2026_11_28/gdpr/gdpr.drl");
        Files.createSymbolicLink(dir.resolve("..data"), dir.resolve("..2026_11_28"));
        Files.createSymbolicLink(dir.resolve("gdpr"), Path.of("..data/gdpr"));

        assertEquals(List.of(Path.of("gdpr/gdpr.drl")), PolicyFiles.list(dir));
    }

    private void write(String relative) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
    }
}
