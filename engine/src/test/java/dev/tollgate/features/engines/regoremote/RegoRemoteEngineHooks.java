package dev.tollgate.features.engines.regoremote;

import dev.tollgate.cli.policy.PolicyCopy;
import dev.tollgate.cli.policy.ScenarioService;
import dev.tollgate.cli.policy.steps.DecisionSteps;
import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.testing.TestService;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;

/** Runs the scenarios against a service whose decisions come from the Rego packs on a real OPA server only. */
public class RegoRemoteEngineHooks {
    private static ScenarioService service;

    @BeforeAll
    public static void start() {
        service = ScenarioService.start(new PolicyCopy(TestService.ROOT), PolicyEngines.REGO_REMOTE,
                NerModelCache.modelFile(TestService.ROOT));
        DecisionSteps.use(service, PolicyEngines.REGO_REMOTE.engine());
    }

    @AfterAll
    public static void stop() {
        service.close();
    }
}
