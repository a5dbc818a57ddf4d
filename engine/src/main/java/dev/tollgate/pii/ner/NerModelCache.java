package dev.tollgate.pii.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the trained model lives: {@code <repo>/.cache/models/ner-<key>.bin}, the key a digest of everything
 * that determines the model (corpus generator, templates, trainer settings, the versions of the knowledge
 * sources, and scripts/knowledge.sh, which pins the registry packages and their checksums), so a change retrains
 * and an unchanged tree reuses the file.
 */
public final class NerModelCache {
    private NerModelCache() {
    }

    public static String key(Path repoRoot) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(TrainingCorpus.fingerprint().getBytes(StandardCharsets.UTF_8));
            sha.update(NerTrainer.fingerprint().getBytes(StandardCharsets.UTF_8));
            sha.update(KnowledgeSources.fingerprint().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(repoRoot.resolve("scripts").resolve("knowledge.sh")));
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path modelFile(Path repoRoot) {
        return repoRoot.resolve(".cache").resolve("models").resolve("ner-" + key(repoRoot) + ".bin");
    }
}
