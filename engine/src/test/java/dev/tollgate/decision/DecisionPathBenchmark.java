package dev.tollgate.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.TextResource;
import dev.tollgate.classify.ProhibitedPracticeClassifier;
import dev.tollgate.classify.SensitivityClassifier;
import dev.tollgate.classify.TaskTypeClassifier;
import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.facts.LanguageIdentifier;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.pii.ner.NerRecognizer;
import dev.tollgate.testing.JmhPercentiles;
import dev.tollgate.testing.TestService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The detection path of a decision, per prompt of the load benchmark's corpus (bench/corpus.jsonl, 12 prompts in
 * five languages), as the service runs it with the trained NER model:
 * {@code detection}: PII recognizers and NER on the prompt; {@code facts}: the whole facts document (detection,
 * sensitivity, prohibited practices, derived task, language, destinations), the language remembered per sample
 * as in the service. The engines' figures are RegoBenchmark's. Build and run as RegoBenchmark says, with
 * {@code dev.tollgate.decision.DecisionPathBenchmark} as the main class.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DecisionPathBenchmark {
    private PiiDetector detector;
    private FactsBuilder facts;
    private Application app;
    private List<DecideRequest> requests;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        TollgateConfig config = TollgateConfig.load(null, Map.of());
        detector = PiiDetector.defaults().with(NerRecognizer.load(NerModelCache.modelFile(TestService.ROOT), 0.5));
        facts = new FactsBuilder(new DestinationCatalog(config.destinations()), detector, new SensitivityClassifier(),
                new LanguageIdentifier(), new ProhibitedPracticeClassifier(), new TaskTypeClassifier(), anyApp -> false,
                destination -> 0);
        app = new ApplicationRegistry(config.applications()).byId("claims-assistant").orElseThrow();
        requests = TextResource.lines(DecisionPathBenchmark.class, "/bench/corpus.jsonl").stream().filter(line -> !line.isBlank())
                .map(DecisionPathBenchmark::request).toList();
    }

    private static DecideRequest request(String line) {
        try {
            JsonNode entry = Json.MAPPER.readTree(line);
            return new DecideRequest(entry.get("task").asText(), entry.get("country").asText(),
                    List.of(new DecideRequest.Message("user", entry.get("text").asText())), List.of(), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private DecideRequest nextRequest() {
        next = (next + 1) % requests.size();
        return requests.get(next);
    }

    @Benchmark
    public List<Finding> detection() {
        return detector.recognize(nextRequest().messages().getFirst().content());
    }

    @Benchmark
    public FactsBuilder.Built facts() {
        return facts.build(app, nextRequest());
    }

    public static void main(String[] args) throws RunnerException {
        JmhPercentiles.run(new OptionsBuilder()
                .include(DecisionPathBenchmark.class.getName() + "\\.")
                .jvmArgsAppend("-Dtollgate.root=" + TestService.ROOT)
                .build());
    }
}
