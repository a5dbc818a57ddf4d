package dev.tollgate.pii.eval;

import dev.tollgate.pii.PiiDetector;
import dev.tollgate.pii.presidio.PresidioClient;
import dev.tollgate.pii.presidio.PresidioMode;
import dev.tollgate.pii.presidio.PresidioRecognizer;
import dev.tollgate.pii.Recognizer;
import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.pii.ner.NerRecognizer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Detectors the evaluation command can score, by name. Built in: "local" (every pattern recognizer, the
 * context-rule PERSON recognizer and the NER model, merged by {@link PiiDetector}), "patterns" (the same without
 * NER) and "ner" (the NER model alone). Others, such as a Presidio client, are added with {@link #register}.
 */
public final class DetectorRegistry {
    /** Builds a detector from the command's options ("model", "root", "presidio-url", ...). */
    @FunctionalInterface
    public interface Factory {
        Recognizer create(Map<String, String> options);
    }

    static final double DEFAULT_NER_MIN_SCORE = 0.5;

    private final Map<String, Factory> factories = new TreeMap<>();

    public static DetectorRegistry builtIn() {
        DetectorRegistry registry = new DetectorRegistry();
        registry.register("local", options -> PiiDetector.defaults().with(ner(options)));
        registry.register("patterns", options -> PiiDetector.defaults());
        registry.register("ner", DetectorRegistry::ner);
        registry.register("presidio", options -> new PresidioRecognizer(new PresidioClient(
                URI.create(options.getOrDefault("presidio-url", "http://127.0.0.1:3000")), Duration.ofSeconds(10)),
                PresidioMode.REQUIRED, "en"));
        return registry;
    }

    public DetectorRegistry register(String name, Factory factory) {
        factories.put(name, factory);
        return this;
    }

    public Recognizer create(String name, Map<String, String> options) {
        Factory factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("no detector named '" + name + "'; known: " + factories.keySet());
        }
        return factory.create(options);
    }

    /** The NER model from --model, or the cached model for this tree under --root (default "."). */
    static NerRecognizer ner(Map<String, String> options) {
        Path model = options.containsKey("model") ? Path.of(options.get("model"))
                : NerModelCache.modelFile(Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize());
        if (!Files.exists(model)) {
            throw new IllegalArgumentException("no NER model at " + model + "; run scripts/train-ner.sh first");
        }
        double minScore = Double.parseDouble(
                options.getOrDefault("min-score", Double.toString(DEFAULT_NER_MIN_SCORE)));
        try {
            return NerRecognizer.load(model, minScore);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NER model " + model, e);
        }
    }
}
