package dev.tollgate.pii.eval;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import dev.tollgate.pii.ner.AnnotatedText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores one detector, or two side by side, on a labelled JSONL set:
 * <pre>
 * EvaluateCommand --set eval/test.jsonl [--detector local] [--compare NAME] [--root .] [--model FILE]
 *                 [--min-score 0.5] [--lang de] [--presidio-url URL] [--hard-negatives FILE]
 * </pre>
 * {@code --lang} keeps only the texts of one language. A set in several languages is also scored per language
 * and type. {@code --hard-negatives} names a set of texts without names, places or organisations, on which each
 * detector's false-entity rate is reported.
 * Only the types labelled somewhere in the set are scored; findings of other types (a detector may report
 * URLs or dates the set does not label) are counted and ignored. Throughput is measured single-threaded over
 * the whole set after one warm-up pass.
 */
public final class EvaluateCommand {
    private EvaluateCommand() {
    }

    /** One detector's figures on one set, over all texts and per language. */
    public record Result(String detector, Scorer scorer, Map<String, Scorer> byLanguage, double textsPerSecond,
            int ignoredFindings) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        if (!options.containsKey("set")) {
            System.err.println("usage: EvaluateCommand --set FILE [--detector local] [--compare NAME] [--root DIR]"
                    + " [--model FILE] [--min-score S] [--lang CODE] [--presidio-url URL] [--hard-negatives FILE]");
            System.exit(2);
        }
        run(DetectorRegistry.builtIn(), options);
    }

    static void run(DetectorRegistry registry, Map<String, String> options) throws IOException {
        Path set = Path.of(options.get("set"));
        List<AnnotatedText> texts = LabelledSet.read(set);
        if (options.containsKey("lang")) {
            texts = texts.stream().filter(t -> t.language().equals(options.get("lang"))).toList();
        }
        List<String> names = new ArrayList<>(List.of(options.getOrDefault("detector", "local")));
        if (options.containsKey("compare")) {
            names.add(options.get("compare"));
        }
        List<AnnotatedText> negatives = options.containsKey("hard-negatives")
                ? LabelledSet.read(Path.of(options.get("hard-negatives"))) : List.of();
        List<Result> results = new ArrayList<>();
        List<HardNegatives.Rate> rates = new ArrayList<>();
        for (String name : names) {
            Recognizer detector = registry.create(name, options);
            Result result = evaluate(name, detector, texts);
            results.add(result);
            System.out.printf(Locale.ROOT, "%n== %s on %s (%d texts): %.0f texts/s, %d findings of unlabelled types "
                    + "ignored%n", name, set, texts.size(), result.textsPerSecond(), result.ignoredFindings());
            System.out.print(ScoreTable.format(result.scorer()));
            if (!negatives.isEmpty()) {
                rates.add(HardNegatives.rate(name, detector, negatives));
            }
        }
        if (results.size() == 2) {
            System.out.print(sideBySide(results.get(0), results.get(1)));
        }
        if (results.get(0).byLanguage().size() > 1) {
            System.out.print(ScoreTable.byLanguage(results));
        }
        if (!rates.isEmpty()) {
            System.out.print(HardNegatives.format(rates));
        }
    }

    public static Result evaluate(String name, Recognizer detector, List<AnnotatedText> texts) {
        Set<String> labelled = new TreeSet<>();
        texts.forEach(t -> t.spans().forEach(s -> labelled.add(s.type())));
        Scorer scorer = new Scorer();
        Map<String, Scorer> byLanguage = new TreeMap<>();
        int ignored = 0;
        for (AnnotatedText text : texts) {
            List<Finding> kept = new ArrayList<>();
            for (Finding finding : detector.recognize(text.text())) {
                if (labelled.contains(finding.type())) {
                    kept.add(finding);
                } else {
                    ignored++;
                }
            }
            scorer.add(text.spans(), kept);
            byLanguage.computeIfAbsent(text.language(), l -> new Scorer()).add(text.spans(), kept);
        }
        long started = System.nanoTime();
        for (AnnotatedText text : texts) {
            detector.recognize(text.text());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(name, scorer, Collections.unmodifiableMap(byLanguage), texts.size() / seconds, ignored);
    }

    static String sideBySide(Result a, Result b) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n== side by side (F1)%n%-16s %10s %10s | %10s %10s%n%-16s %10s %10s | %10s %10s%n",
                "type", "exact", "", "overlap", "", "", a.detector(), b.detector(), a.detector(), b.detector()));
        Set<String> types = new TreeSet<>();
        a.scorer().scores(Scorer.Matching.EXACT).forEach(s -> types.add(s.type()));
        b.scorer().scores(Scorer.Matching.EXACT).forEach(s -> types.add(s.type()));
        for (String type : types) {
            out.append(String.format(Locale.ROOT, "%-16s %10.3f %10.3f | %10.3f %10.3f%n", type,
                    f1(a, Scorer.Matching.EXACT, type), f1(b, Scorer.Matching.EXACT, type),
                    f1(a, Scorer.Matching.OVERLAP, type), f1(b, Scorer.Matching.OVERLAP, type)));
        }
        out.append(String.format(Locale.ROOT, "throughput: %s %.0f texts/s, %s %.0f texts/s, ratio %.1fx%n",
                a.detector(), a.textsPerSecond(), b.detector(), b.textsPerSecond(),
                a.textsPerSecond() / b.textsPerSecond()));
        return out.toString();
    }

    private static double f1(Result result, Scorer.Matching matching, String type) {
        return ScoreTable.f1(result.scorer(), matching, type);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
