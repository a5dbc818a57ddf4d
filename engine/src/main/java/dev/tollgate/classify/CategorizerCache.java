package dev.tollgate.classify;

import dev.tollgate.Sha256;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Trained document categorizers kept in a directory, so that a start loads them instead of training them again.
 * A model's file is named by a digest of everything its training reads: the classes of this package (which
 * generate the samples and their features), the lexicon and corpus resources, the versions of OpenNLP and
 * Datafaker (whose fake names fill the corpus), and the model's own parameters. Any change to one of them trains
 * once more. Without a directory ({@value #PROPERTY} or {@value #ENVIRONMENT}, as in the tests) every categorizer
 * is trained in memory.
 */
final class CategorizerCache {
    static final String PROPERTY = "tollgate.classifier.cache";
    static final String ENVIRONMENT = "TOLLGATE_CLASSIFIER_CACHE";
    private static final System.Logger LOG = System.getLogger(CategorizerCache.class.getName());

    private final Optional<Path> directory;

    CategorizerCache(Optional<Path> directory) {
        this.directory = directory;
    }

    /** The directory configured for this process, if any. */
    static CategorizerCache configured() {
        return new CategorizerCache(Optional.ofNullable(System.getProperty(PROPERTY, System.getenv(ENVIRONMENT)))
                .filter(dir -> !dir.isBlank()).map(Path::of));
    }

    /**
     * @param name what the model is for, in its file name
     * @param parameters everything about its training not already in the code and resources (iterations, seed...)
     */
    DocumentCategorizerME categorizer(String name, String parameters, Supplier<DoccatModel> training) {
        if (directory.isEmpty()) {
            return new DocumentCategorizerME(training.get());
        }
        Path file = directory.get().resolve(name + "-" + digest(parameters) + ".bin");
        try {
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return new DocumentCategorizerME(new DoccatModel(in));
                }
            }
            long started = System.nanoTime();
            DoccatModel model = training.get();
            LOG.log(System.Logger.Level.INFO, String.format("trained the %s model in %.1f s; stored as %s for the next start",
                    name, (System.nanoTime() - started) / 1e9, file));
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), name, ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                model.serialize(out);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new DocumentCategorizerME(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or store the " + name + " model in " + directory.get(), e);
        }
    }

    private static String digest(String parameters) {
        MessageDigest sha = Sha256.digest();
        sha.update(TrainingInputs.DIGEST);
        sha.update(parameters.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }


    /** The digest of the code, resources and libraries that every categorizer's training reads; once per JVM. */
    private static final class TrainingInputs {
        static final byte[] DIGEST = digest();

        private static byte[] digest() {
            MessageDigest sha = Sha256.digest();
            for (Class<?> library : List.of(DoccatModel.class, net.datafaker.Faker.class)) {
                sha.update(String.valueOf(library.getPackage().getImplementationVersion()).getBytes(StandardCharsets.UTF_8));
                sha.update(location(library).getFileName().toString().getBytes(StandardCharsets.UTF_8));
            }
            Path origin = location(CategorizerCache.class);
            try {
                if (Files.isDirectory(origin)) {
                    hashTree(sha, origin);
                } else {
                    try (FileSystem jar = FileSystems.newFileSystem(origin)) {
                        hashTree(sha, jar.getPath("/"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the classifiers' code and resources in " + origin, e);
            }
            return sha.digest();
        }

        private static void hashTree(MessageDigest sha, Path root) throws IOException {
            for (String part : List.of("dev/tollgate/classify", "lexicons")) {
                try (Stream<Path> files = Files.walk(root.resolve(part))) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(file));
                    }
                }
            }
        }

        private static Path location(Class<?> type) {
            try {
                return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
