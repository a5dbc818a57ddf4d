package dev.tollgate.pii.ner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the trained model lives: {@code <repo>/.cache/models/ner-<key>.bin}, the key a digest of everything
 * that determines the model (corpus generator, templates, trainer settings, the versions of the knowledge
 * sources), so a change retrains and an unchanged tree reuses the file.
 */
public final class NerModelCache {
    private NerModelCache() {
    }

    public static String key() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(TrainingCorpus.fingerprint().getBytes(StandardCharsets.UTF_8));
            sha.update(NerTrainer.fingerprint().getBytes(StandardCharsets.UTF_8));
            sha.update(KnowledgeSources.fingerprint().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path modelFile(Path repoRoot) {
        return repoRoot.resolve(".cache").resolve("models").resolve("ner-" + key() + ".bin");
    }
}
