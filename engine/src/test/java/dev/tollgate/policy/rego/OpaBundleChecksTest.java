package dev.tollgate.policy.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks a Rego pack must pass before it ships, run with the real opa binary on opa-bundles/tollgate. */
class OpaBundleChecksTest {
    private static final double MINIMUM_COVERAGE = 90.0;

    @Test
    void unitTestsPassWithEnoughCoverage() throws IOException {
        OpaBinary.Result run = ShippedBundle.opa().run(ShippedBundle.dir(), List.of("test", "--coverage", "."));
        assertEquals(0, run.exitCode(), () -> "opa test failed:\n" + run.stdout() + run.stderr());
        JsonNode report = Json.MAPPER.readTree(run.stdout());
        double coverage = report.path("coverage").asDouble();
        assertTrue(coverage >= MINIMUM_COVERAGE, "opa test coverage " + coverage + "% is below " + MINIMUM_COVERAGE + "%");
        for (String pack : List.of("gdpr.rego", "ai_act.rego", "residency.rego", "routing.rego")) {
            assertTrue(report.path("files").has(pack), "no coverage reported for " + pack);
        }
    }

    @Test
    void everyPackHasPassingUnitTests() throws IOException {
        OpaBinary.Result run = ShippedBundle.opa().run(ShippedBundle.dir(), List.of("test", "--format", "json", "."));
        assertEquals(0, run.exitCode(), () -> "opa test failed:\n" + run.stdout() + run.stderr());
        JsonNode results = Json.MAPPER.readTree(run.stdout());
        for (String pack : List.of("gdpr", "ai_act", "residency", "routing")) {
            long passed = 0;
            for (JsonNode result : results) {
                if (result.path("package").asText().equals("data.tollgate." + pack + "_test")
                        && !result.path("fail").asBoolean(false) && result.path("error").isMissingNode()) {
                    passed++;
                }
            }
            assertTrue(passed >= 5, "pack " + pack + " has only " + passed + " passing opa tests");
        }
    }

    @Test
    void strictCheckIsClean() {
        OpaBinary.Result run = ShippedBundle.opa().run(ShippedBundle.dir(), List.of("check", "--strict", "-b", "."));
        assertEquals(0, run.exitCode(), () -> "opa check --strict found problems:\n" + run.stdout() + run.stderr());
    }

    @Test
    void everyFileIsFormatted() {
        OpaBinary.Result run = ShippedBundle.opa().run(ShippedBundle.dir(), List.of("fmt", "--list", "."));
        assertEquals(0, run.exitCode(), run::stderr);
        assertEquals("", run.stdout().strip(), "opa fmt would change these files (run opa fmt -w):\n" + run.stdout());
    }
}
