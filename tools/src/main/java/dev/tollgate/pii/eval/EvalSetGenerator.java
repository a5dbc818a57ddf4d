package dev.tollgate.pii.eval;

import dev.tollgate.pii.ner.AnnotatedText;
import dev.tollgate.pii.ner.TemplateFiller;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes eval/dev.jsonl and eval/test.jsonl: {@link EvalTemplates} filled with Datafaker values and checksum-valid
 * identifiers (a different seed per set, and seeds the NER training never uses), followed by the hand-written
 * texts in eval/handwritten/, which also go alone to eval/dev-handwritten.jsonl and eval/test-handwritten.jsonl so
 * that they can be scored apart from the generated texts. Usage: {@code EvalSetGenerator [repo-root]}.
 */
public final class EvalSetGenerator {
    private static final long DEV_SEED = 7_001L;
    private static final long TEST_SEED = 9_002L;
    private static final int DEV_GENERATED = 450;
    private static final int TEST_GENERATED = 550;

    private EvalSetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path eval = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize().resolve("eval");
        write(eval, "dev", DEV_SEED, DEV_GENERATED);
        write(eval, "test", TEST_SEED, TEST_GENERATED);
    }

    private static void write(Path eval, String name, long seed, int generated) throws IOException {
        List<AnnotatedText> texts = generate(seed, generated);
        List<AnnotatedText> handWritten = HandWrittenTexts.read(eval.resolve("handwritten").resolve(name + ".txt"));
        texts.addAll(handWritten);
        LabelledSet.write(eval.resolve(name + ".jsonl"), texts);
        LabelledSet.write(eval.resolve(name + "-handwritten.jsonl"), handWritten);
        System.out.printf("%s.jsonl: %d texts (%d generated, %d hand-written)%n", name, texts.size(), generated,
                handWritten.size());
    }

    static List<AnnotatedText> generate(long seed, int count) {
        List<String> languages = new ArrayList<>(new TreeMap<>(EvalTemplates.BY_LANGUAGE).keySet());
        Map<String, EvalValues> values = new TreeMap<>();
        for (int i = 0; i < languages.size(); i++) {
            values.put(languages.get(i), new EvalValues(languages.get(i), seed * 131 + i));
        }
        Random random = new Random(seed);
        List<AnnotatedText> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String language = languages.get(i % languages.size());
            List<String> templates = EvalTemplates.BY_LANGUAGE.get(language);
            texts.add(TemplateFiller.fill(templates.get(random.nextInt(templates.size())), values.get(language)));
        }
        return texts;
    }
}
