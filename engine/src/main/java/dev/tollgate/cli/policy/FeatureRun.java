package dev.tollgate.cli.policy;

import dev.tollgate.cli.policy.steps.DecisionSteps;
import dev.tollgate.server.PolicyEngines;
import io.cucumber.core.options.CommandlineOptionsParser;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.runtime.Runtime;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The scenarios of a policy copy's features/ run with Cucumber against a service deciding with one engine mode on
 * that copy, over HTTP, as the test suite runs them; no Maven and no test framework needed.
 *
 * @param failure why the scenarios could not run at all (the service did not start); null when they ran
 */
public record FeatureRun(PolicyEngines mode, List<ScenarioResults.Scenario> scenarios, String failure) {
    /** The package of the steps the scenarios are written in. */
    public static final String GLUE = DecisionSteps.class.getPackageName();

    public static FeatureRun run(PolicyCopy copy, PolicyEngines mode, Path nerModel) {
        ScenarioResults results = new ScenarioResults();
        try (ScenarioService service = ScenarioService.start(copy, mode, nerModel)) {
            DecisionSteps.use(service, mode.engine());
            RuntimeOptions options = new CommandlineOptionsParser(OutputStream.nullOutputStream())
                    .parse("--glue", GLUE, copy.featuresDir().toString())
                    .build();
            Runtime.builder().withRuntimeOptions(options).withClassLoader(FeatureRun.class::getClassLoader)
                    .withAdditionalPlugins(results).build().run();
        } catch (RuntimeException e) {
            StringBuilder why = new StringBuilder(e.toString());
            // Cucumber gathers what went wrong outside the scenarios as suppressed exceptions.
            for (Throwable suppressed : e.getSuppressed()) {
                why.append("; ").append(suppressed);
            }
            return new FeatureRun(mode, results.scenarios(), "the scenarios on " + mode.mode() + " did not run: " + why);
        }
        return new FeatureRun(mode, results.scenarios(), null);
    }

    public boolean passed() {
        return failure == null && !scenarios.isEmpty() && scenarios.stream().allMatch(ScenarioResults.Scenario::passed);
    }

    /** "scenarios on drools: 24 passed, 1 failed", then each failed scenario with its place and what failed. */
    public String render() {
        long passed = scenarios.stream().filter(ScenarioResults.Scenario::passed).count();
        StringBuilder text = new StringBuilder("scenarios on " + mode.mode() + ": " + passed + " passed, "
                + (scenarios.size() - passed) + " failed\n");
        scenarios.stream().filter(s -> !s.passed()).forEach(s -> text.append(s.render()));
        if (failure != null) {
            text.append("  ").append(failure).append('\n');
        }
        return text.toString();
    }
}
