package dev.tollgate.features.engines.drools;

import dev.tollgate.cli.policy.PolicyCopy;
import dev.tollgate.cli.policy.ScenarioService;
import dev.tollgate.cli.policy.steps.DecisionSteps;
import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.testing.TestService;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;

/** Runs the scenarios against a service whose decisions come from the Drools packs only. */
public class DroolsEngineHooks {
    private static ScenarioService service;

    @BeforeAll
    public static void start() {
        service = ScenarioService.start(new PolicyCopy(TestService.ROOT), PolicyEngines.DROOLS,
                NerModelCache.modelFile(TestService.ROOT));
        DecisionSteps.use(service, PolicyEngines.DROOLS.engine());
    }

    @AfterAll
    public static void stop() {
        service.close();
    }
}
