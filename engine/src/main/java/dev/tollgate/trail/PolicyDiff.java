package dev.tollgate.trail;

import dev.tollgate.audit.PolicyStore;
import dev.tollgate.policy.PolicyFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The differences between two stored versions of an engine's policy, file by file and line by line. */
public final class PolicyDiff {
    private PolicyDiff() {
    }

    /** A line kept (' '), removed ('-') or added ('+'). */
    public record Line(char change, String text) {
    }

    /** One file that differs: added, removed or changed, with its lines. */
    public record FileDiff(String file, List<Line> lines) {
    }

    /** Empty when either version is not in the store. */
    public static Optional<List<FileDiff>> between(PolicyStore store, String engine, String from, String to)
            throws IOException {
        Optional<Path> before = store.get(engine, from);
        Optional<Path> after = store.get(engine, to);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> files = new TreeSet<>();
        PolicyFiles.list(before.get()).forEach(file -> files.add(PolicyFiles.unixPath(file)));
        PolicyFiles.list(after.get()).forEach(file -> files.add(PolicyFiles.unixPath(file)));
        List<FileDiff> diffs = new ArrayList<>();
        for (String file : files) {
            List<String> old = lines(before.get().resolve(file));
            List<String> now = lines(after.get().resolve(file));
            if (!old.equals(now)) {
                diffs.add(new FileDiff(file, lines(old, now)));
            }
        }
        return Optional.of(diffs);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
    }

    /** The lines of both, through their longest common subsequence. */
    static List<Line> lines(List<String> old, List<String> now) {
        int[][] common = new int[old.size() + 1][now.size() + 1];
        for (int i = old.size() - 1; i >= 0; i--) {
            for (int j = now.size() - 1; j >= 0; j--) {
                common[i][j] = old.get(i).equals(now.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < old.size() || j < now.size()) {
            if (i < old.size() && j < now.size() && old.get(i).equals(now.get(j))) {
                lines.add(new Line(' ', old.get(i++)));
                j++;
            } else if (i < old.size() && (j == now.size() || common[i + 1][j] >= common[i][j + 1])) {
                lines.add(new Line('-', old.get(i++)));
            } else {
                lines.add(new Line('+', now.get(j++)));
            }
        }
        return lines;
    }
}
