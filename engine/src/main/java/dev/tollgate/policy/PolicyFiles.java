package dev.tollgate.policy;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * The files that make up a policy directory: what the digest covers and what the policy store keeps.
 * Hidden files and folders (editor swap files, .git) are not part of a policy. Symbolic links are
 * followed, so a directory mounted from a Kubernetes ConfigMap lists its visible names.
 */
public final class PolicyFiles {
    private PolicyFiles() {
    }

    /**
     * Relative paths of every regular, non-hidden file under dir, sorted by their '/'-separated form. An OPA
     * bundle's .manifest is not hidden in this sense: its revision is part of the policy version.
     */
    public static List<Path> list(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) {
                return !folder.equals(dir) && isHidden(folder) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !isHidden(file)) {
                    files.add(dir.relativize(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(PolicyFiles::unixPath));
        return List.copyOf(files);
    }

    /** The '/'-separated form of a relative path, as recorded in problems and digests. */
    public static String unixPath(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private static boolean isHidden(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") && !name.equals(".manifest");
    }
}
