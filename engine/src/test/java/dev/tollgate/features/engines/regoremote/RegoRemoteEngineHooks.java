package dev.tollgate.features.engines.regoremote;

import dev.tollgate.features.steps.DecisionSteps;
import dev.tollgate.testing.ScenarioRegistry;
import dev.tollgate.testing.TestService;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;

import java.util.List;

/** Runs the scenarios against a service whose decisions come from the Rego packs on a real OPA server only. */
public class RegoRemoteEngineHooks {
    private static TestService service;

    @BeforeAll
    public static void start() {
        service = TestService.start(TestService.POLICIES, List.of("rego-remote"), ScenarioRegistry.environment());
        DecisionSteps.use(service, "rego");
    }

    @AfterAll
    public static void stop() {
        service.close();
    }
}
