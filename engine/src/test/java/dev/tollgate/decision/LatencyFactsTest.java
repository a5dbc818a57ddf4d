package dev.tollgate.decision;

import dev.tollgate.classify.ProhibitedPracticeClassifier;
import dev.tollgate.classify.SensitivityClassifier;
import dev.tollgate.classify.TaskTypeClassifier;
import dev.tollgate.config.Application;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.LanguageIdentifier;
import dev.tollgate.pii.PiiDetector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.tollgate.testing.ApplicationBuilder.application;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The request's latency budget and each destination's observed p95, as FactsBuilder writes them into the facts. */
class LatencyFactsTest {
    private static FactsBuilder builder;

    @BeforeAll
    static void load() throws Exception {
        TollgateConfig config = TollgateConfig.load(null, Map.of());
        builder = new FactsBuilder(new DestinationCatalog(config.destinations()), PiiDetector.defaults(),
                new SensitivityClassifier(), new LanguageIdentifier(), new ProhibitedPracticeClassifier(),
                new TaskTypeClassifier(), anyApp -> false, destination -> destination.equals("cloud-eu") ? 3000 : 0);
    }

    private static Facts facts(int hintMs, Integer slaMs) {
        Application app = application("app").tenantResidency("NONE").permitted(List.of("slm-local", "cloud-eu"))
                .latencySlaMs(slaMs).callerRole("staff").build();
        return builder.build(app, new DecideRequest("reasoning", "DE",
                List.of(new DecideRequest.Message("user", "Why is the sky blue?")), List.of(), hintMs)).facts();
    }

    @ParameterizedTest(name = "hint {0} ms, SLA {1} ms: budget {2} ms")
    @CsvSource({"0, , 0", "1500, , 1500", "0, 2000, 2000", "1500, 1000, 1000", "800, 1000, 800"})
    void theBudgetIsTheStricterOfHintAndSla(int hintMs, Integer slaMs, int budgetMs) {
        assertEquals(budgetMs, facts(hintMs, slaMs).request().maxLatencyMs());
    }

    @ParameterizedTest(name = "hint {0} ms")
    @CsvSource({"0", "1500"})
    void everyDestinationCarriesItsObservedP95(int hintMs) {
        Map<String, Integer> p95s = facts(hintMs, null).destinations().stream()
                .collect(Collectors.toMap(DestinationFacts::id, DestinationFacts::observedP95Ms));
        assertEquals(Map.of("slm-local", 0, "cloud-eu", 3000, "cloud-us", 0), p95s);
    }
}
