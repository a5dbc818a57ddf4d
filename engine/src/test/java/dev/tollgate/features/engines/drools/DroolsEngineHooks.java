package dev.tollgate.features.engines.drools;

import dev.tollgate.features.steps.DecisionSteps;
import dev.tollgate.testing.ScenarioRegistry;
import dev.tollgate.testing.TestService;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;

import java.util.List;

/** Runs the scenarios against a service whose decisions come from the Drools packs only. */
public class DroolsEngineHooks {
    private static TestService service;

    @BeforeAll
    public static void start() {
        service = TestService.start(TestService.POLICIES, List.of("drools"), ScenarioRegistry.environment());
        DecisionSteps.use(service, "drools");
    }

    @AfterAll
    public static void stop() {
        service.close();
    }
}
