package dev.tollgate.policy;

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
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A content digest ({@link PackDigest}) of some of Tollgate's own class files and resources, as built: a rebuild
 * with another compiler counts as other code.
 */
public final class ClassPathDigest {
    private ClassPathDigest() {
    }

    /** Every file under the directories ("dev/tollgate/pii"). */
    public static String of(String... directories) {
        return onClassPath(root -> PackDigest.of(root, files(root, directories)));
    }

    public static String ofClasses(List<Class<?>> classes) {
        return onClassPath(root -> PackDigest.of(root, classes.stream()
                .map(c -> Path.of(c.getName().replace('.', '/') + ".class")).toList()));
    }

    /**
     * What reading finds in the class path entry holding this class: the classes directory, or the root of the jar.
     * A jar's file system is closed after the reading when this opened it: one left open makes every later opening
     * of the jar fail (Cucumber's scan for the scenarios' steps in `tollgate policy test`).
     */
    private static <T> T onClassPath(Function<Path, T> reading) {
        try {
            URI uri = ClassPathDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI();
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
