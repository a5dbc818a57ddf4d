package dev.tollgate.pii.eval;

import dev.tollgate.pii.ner.AnnotatedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's independent labelled set: texts written by hand in eval/independent/src/ (one file per part and
 * language, e.g. {@code test-de.txt}, marked as {@link HandWrittenTexts} reads them) become
 * eval/independent/PART.jsonl for the parts "dev", "dev-hard-negatives" (to tune on), "test" and "hard-negatives"
 * (to report on), and "dev-holdout-N" with "dev-holdout-N-negatives" (dev batches kept out of tuning, each written
 * before round N's change, to judge that change before the test set is run). Nothing here is drawn from the
 * training templates or their word lists, and no part of it is used for training.
 * Usage: {@code IndependentSet [repo-root]}.
 */
public final class IndependentSet {
    public static final List<String> PARTS = List.of("dev", "dev-hard-negatives", "dev-hard-negatives-genres", "test", "hard-negatives",
            "dev-holdout-5", "dev-holdout-5-negatives", "dev-holdout-7", "dev-holdout-7-negatives",
            "dev-holdout-8", "dev-holdout-8-negatives", "dev-holdout-9", "dev-holdout-9-negatives");

    private IndependentSet() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = directory(Path.of(args.length > 0 ? args[0] : "."));
        for (String part : PARTS) {
            List<AnnotatedText> texts = fromSources(dir, part);
            LabelledSet.write(dir.resolve(part + ".jsonl"), texts);
            System.out.printf("%s.jsonl: %d texts, %d spans%n", part, texts.size(),
                    texts.stream().mapToInt(t -> t.spans().size()).sum());
        }
    }

    public static Path directory(Path repoRoot) {
        return repoRoot.toAbsolutePath().normalize().resolve("eval").resolve("independent");
    }

    /** The texts of one part, read from its source files in name order. */
    public static List<AnnotatedText> fromSources(Path dir, String part) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir.resolve("src"))) {
            sources = files.filter(f -> f.getFileName().toString().matches(part + "-[a-z]{2}\\.txt")).sorted()
                    .toList();
        }
        if (sources.isEmpty()) {
            throw new IOException("no source files for part '" + part + "' in " + dir.resolve("src"));
        }
        List<AnnotatedText> texts = new ArrayList<>();
        for (Path source : sources) {
            texts.addAll(HandWrittenTexts.read(source));
        }
        return texts;
    }
}
