package dev.tollgate.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.tollgate.testing.ApplicationBuilder.application;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A key finds its application and carries the role it is bound to; the demo keys of the README all work. */
class ApplicationRegistryTest {
    private static ApplicationRegistry demo() throws Exception {
        return new ApplicationRegistry(TollgateConfig.load(null, Map.of()).applications());
    }

    @Test
    void everyDemoKeyOfTheReadmeFindsItsApplicationAsStaff() throws Exception {
        ApplicationRegistry registry = demo();
        for (String id : List.of("claims-assistant", "credit-advisor", "emotion-monitor", "support-bot")) {
            Application caller = registry.byApiKey("demo-" + id).orElseThrow();
            assertEquals(id, caller.id());
            assertEquals(ApiKey.STAFF, caller.callerRole());
        }
    }

    @Test
    void theClaimsAssistantsPublicKeyCallsAsThePublic() throws Exception {
        Application caller = demo().byApiKey("demo-claims-assistant-public").orElseThrow();
        assertEquals("claims-assistant", caller.id());
        assertEquals(ApiKey.PUBLIC, caller.callerRole());
    }

    @Test
    void theCreditAdvisorsReviewerKeyReviewsAndTheDemoRegistryFlagsOversight() throws Exception {
        Application reviewer = demo().byApiKey("demo-credit-advisor-reviewer").orElseThrow();
        assertEquals("credit-advisor", reviewer.id());
        assertTrue(reviewer.calledByReviewer());
        assertFalse(demo().byApiKey("demo-credit-advisor").orElseThrow().calledByReviewer());
        assertEquals(Application.FLAG, reviewer.humanOversight());
        assertFalse(reviewer.holdsForReview(), "flag is the default: the demo gives answers with the flag");
    }

    @Test
    void theSingleKeyFormIsOneStaffKey() {
        Application app = application("app").tenantResidency("NONE").apiKeySha256(ApplicationRegistry.sha256("k"))
                .build();
        ApplicationRegistry registry = new ApplicationRegistry(List.of(app));

        assertEquals(List.of(new ApiKey(ApplicationRegistry.sha256("k"), ApiKey.STAFF)), app.keys());
        assertEquals(ApiKey.STAFF, registry.byApiKey("k").orElseThrow().callerRole());
        assertTrue(registry.byApiKey("K").isEmpty());
        assertEquals(null, registry.byId("app").orElseThrow().callerRole(), "the registry's entry has no caller");
        assertEquals(Application.FLAG, app.humanOversight(), "human_oversight left out is flag");
    }
}
