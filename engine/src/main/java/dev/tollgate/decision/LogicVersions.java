package dev.tollgate.decision;

import dev.tollgate.policy.PackDigest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The versions of the code and models that make a decision, logged beside the policy digests, each a content
 * digest ({@code sha256:}, as a policy version) so that nobody has to remember to raise a number:
 * <ul>
 * <li>{@value #COMBINER}: the class files replay runs between the engines' verdicts and the outcome (the combiner,
 * the policy evaluation, the task readings, the fail-closed reasons). Replay compares it to tell a decision changed
 * by this logic from a mismatch;</li>
 * <li>{@code detectors}: every class file of {@code dev/tollgate/pii} (recognizers, NER features, the Presidio
 * client);</li>
 * <li>{@code classifiers}: every class file of {@code dev/tollgate/classify} and the lexicons they read;</li>
 * <li>{@code ner_model}: the NER model file, when one is loaded.</li>
 * </ul>
 * Replay never runs the detectors or classifiers (it re-decides the logged facts), so their versions explain where
 * a decision's facts came from; only the combiner's version can explain a different replayed outcome. A class file
 * is what the compiler made of the source: a rebuild with another compiler counts as other logic.
 */
public final class LogicVersions {
    public static final String COMBINER = "combiner";
    private static final List<Class<?>> COMBINER_CLASSES = List.of(Combiner.class, PolicyEvaluation.class,
            TaskReadings.class, FailClosed.class);

    private LogicVersions() {
    }

    /** The combiner's version in this build. */
    public static String combiner() {
        return Built.COMBINER_VERSION;
    }

    /** Every version, the NER model's when one is loaded. */
    public static Map<String, String> of(Optional<Path> nerModel) {
        Map<String, String> versions = new TreeMap<>(Built.CODE_VERSIONS);
        nerModel.map(Path::toAbsolutePath).ifPresent(model -> versions.put("ner_model", PackDigest.of(model.getParent(),
                List.of(model.getFileName()))));
        return versions;
    }

    /** Computed once: the class path does not change while the service runs. */
    private static final class Built {
        static final String COMBINER_VERSION;
        static final Map<String, String> CODE_VERSIONS;

        static {
            CODE_VERSIONS = onClassPath(root -> Map.of(
                    COMBINER, PackDigest.of(root, COMBINER_CLASSES.stream()
                            .map(c -> Path.of(c.getName().replace('.', '/') + ".class")).toList()),
                    "detectors", PackDigest.of(root, files(root, "dev/tollgate/pii")),
                    "classifiers", PackDigest.of(root, files(root, "dev/tollgate/classify", "lexicons"))));
            COMBINER_VERSION = CODE_VERSIONS.get(COMBINER);
        }
    }

    /**
     * What reading finds in the class path entry holding this class: the classes directory, or the root of the jar.
     * A jar's file system is closed after the reading when this opened it: one left open makes every later opening
     * of the jar fail (Cucumber's scan for the scenarios' steps in `tollgate policy test`).
     */
    private static <T> T onClassPath(Function<Path, T> reading) {
        try {
            URI uri = LogicVersions.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            Path location = Path.of(uri);
            if (Files.isDirectory(location)) {
                return reading.apply(location);
            }
            URI jar = URI.create("jar:" + location.toUri());
            try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of())) {
                return reading.apply(fs.getPath("/"));
            } catch (FileSystemAlreadyExistsException e) {
                return reading.apply(FileSystems.getFileSystem(jar).getPath("/"));
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the directories, relative to the root. */
    private static List<Path> files(Path root, String... directories) {
        List<Path> files = new ArrayList<>();
        for (String directory : directories) {
            try (Stream<Path> walk = Files.walk(root.resolve(directory))) {
                walk.filter(Files::isRegularFile).map(root::relativize).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
