package dev.tollgate.policy.rego;

import dev.tollgate.Json;
import dev.tollgate.policy.EngineException;
import dev.tollgate.policy.RouteChoice;
import dev.tollgate.terms.ConsistencyCheck;
import dev.tollgate.terms.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictDocumentTest {
    private static final RegoPack ROUTING = new RegoPack("routing", "tollgate/routing");

    private static RouteChoice routeOf(String route) throws Exception {
        return VerdictDocument.read(ROUTING, Json.MAPPER.readTree("""
                {"deny": false, "forbidden": [], "obligations": [], "reasons": [], "route": %s}""".formatted(route)),
                null).route();
    }

    @Test
    void cascadeRouteCarriesItsConfidenceThreshold() throws Exception {
        assertEquals(new RouteChoice("slm-local", Strategy.CASCADE, 0.55, "routing.summarize"),
                routeOf("{\"destination\": \"slm-local\", \"strategy\": \"cascade\", \"escalate_below\": 0.55, "
                        + "\"rule\": \"routing.summarize\"}"));
    }

    @Test
    void routeWithoutAThresholdHasNone() throws Exception {
        assertEquals(new RouteChoice("cloud-eu", Strategy.STATIC, null, "routing.faq-long"),
                routeOf("{\"destination\": \"cloud-eu\", \"strategy\": \"static\", \"escalate_below\": null, "
                        + "\"rule\": \"routing.faq-long\"}"));
        // Bundles stored for replay predate the threshold and the rule.
        assertEquals(new RouteChoice("slm-local", Strategy.CASCADE, null, null),
                routeOf("{\"destination\": \"slm-local\", \"strategy\": \"cascade\"}"));
    }

    @Test
    void cascadeRouteCarriesItsConsistencyCheck() throws Exception {
        assertEquals(new RouteChoice("slm-local", Strategy.CASCADE, 0.65, "routing.translate",
                        new ConsistencyCheck(3, 0.4)),
                routeOf("{\"destination\": \"slm-local\", \"strategy\": \"cascade\", \"escalate_below\": 0.65, "
                        + "\"rule\": \"routing.translate\", \"consistency\": {\"samples\": 3, \"escalate_below\": 0.4}}"));
        assertEquals(new RouteChoice("slm-local", Strategy.CASCADE, 0.65, "routing.translate"),
                routeOf("{\"destination\": \"slm-local\", \"strategy\": \"cascade\", \"escalate_below\": 0.65, "
                        + "\"rule\": \"routing.translate\", \"consistency\": null}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"destination\": \"slm-local\", \"strategy\": \"cascade\", \"consistency\": {\"samples\": 1, \"escalate_below\": 0.4}}",
            "{\"destination\": \"slm-local\", \"strategy\": \"cascade\", \"consistency\": {\"samples\": 3, \"escalate_below\": 1.2}}",
            "{\"destination\": \"slm-local\", \"strategy\": \"cascade\", \"consistency\": {\"samples\": \"3\", \"escalate_below\": 0.4}}",
            "{\"destination\": \"slm-local\", \"strategy\": \"cascade\", \"consistency\": 3}",
            "{\"destination\": \"slm-local\", \"strategy\": \"static\", \"consistency\": {\"samples\": 3, \"escalate_below\": 0.4}}",
            "{\"destination\": \"slm-local\", \"strategy\": \"cascade\", \"escalate_below\": \"0.5\"}",
            "{\"destination\": \"slm-local\", \"strategy\": \"cascade\", \"escalate_below\": 1.5}",
            "{\"destination\": \"slm-local\", \"strategy\": \"cascade\", \"escalate_below\": -0.1}",
            "{\"destination\": \"slm-local\", \"strategy\": \"static\", \"escalate_below\": 0.5}",
            "{\"destination\": \"slm-local\", \"strategy\": \"static\", \"rule\": 7}",
    })
    void anInvalidThresholdOrRuleIsAnEngineFailure(String route) {
        EngineException e = assertThrows(EngineException.class, () -> routeOf(route));
        assertTrue(e.getMessage().startsWith("Rego pack routing returned "), e.getMessage());
    }
}
