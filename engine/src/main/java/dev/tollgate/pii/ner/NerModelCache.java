package dev.tollgate.pii.ner;

import com.ibm.icu.util.VersionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.datafaker.Faker;

/**
 * Where the trained model lives: {@code <repo>/.cache/models/ner-<key>.bin}, the key a digest of everything
 * that determines the model: the sources of the training code in the tools module (corpus generator, templates,
 * gazetteer builder, trainer and feature settings) and of what the model is trained on or carries (the word
 * features, word shapes, gazetteer, common words and {@link MoreGivenNames} of this package), the versions of the
 * knowledge libraries (ICU4J, Datafaker), and scripts/knowledge.sh, which pins the registry packages and their
 * checksums. A change retrains and an
 * unchanged tree reuses the file. The key reads the training sources rather than asking the training classes, so
 * the engine and its tests find the model without the tools module.
 */
public final class NerModelCache {
    private static final Path TRAINING = Path.of("tools", "src", "main", "java", "dev", "tollgate", "pii", "ner");
    private static final Path RUNTIME = Path.of("engine", "src", "main", "java", "dev", "tollgate", "pii", "ner");
    private static final List<String> FEATURE_SOURCES = List.of("WordFeatures.java", "WordShape.java",
            "Gazetteer.java", "CommonWords.java", "MoreGivenNames.java");

    private NerModelCache() {
    }

    public static String key(Path repoRoot) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path source : sources(repoRoot)) {
                sha.update(source.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(source));
            }
            sha.update(("icu4j " + VersionInfo.ICU_VERSION + ", datafaker " + Faker.class.getPackage()
                    .getImplementationVersion()).getBytes(StandardCharsets.UTF_8));
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

    private static List<Path> sources(Path repoRoot) throws IOException {
        try (Stream<Path> training = Files.list(repoRoot.resolve(TRAINING))) {
            return Stream.concat(training.filter(f -> f.toString().endsWith(".java")).sorted(),
                    FEATURE_SOURCES.stream().map(repoRoot.resolve(RUNTIME)::resolve)).toList();
        }
    }
}
