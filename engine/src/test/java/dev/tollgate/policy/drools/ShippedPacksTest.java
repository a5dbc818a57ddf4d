package dev.tollgate.policy.drools;

import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PackDigest;
import dev.tollgate.policy.PolicyFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShippedPacksTest {
    @Test
    void everyPackLoadsExactlyItsRules() throws Exception {
        // A decision table read the wrong way compiles to nothing without an error: the counts catch it.
        assertEquals(Map.of("confidentiality", 2, "data-residency", 3, "eu-ai-act", 14, "gdpr", 4, "routing", 15),
                ShippedPolicies.policy().ruleCounts());
    }

    @Test
    void packsAreReportedInNameOrder() throws Exception {
        CompiledPolicy policy = ShippedPolicies.policy();

        assertEquals(List.of("confidentiality", "data-residency", "eu-ai-act", "gdpr", "routing"), List.copyOf(policy.ruleCounts().keySet()));
        assertEquals(List.of("confidentiality", "data-residency", "eu-ai-act", "gdpr", "routing"),
                policy.evaluate(TestFacts.request().build()).stream().map(v -> v.pack()).toList());
        assertEquals("drools", policy.engine());
    }

    @Test
    void versionIsTheDigestOfEveryPolicyFile() throws Exception {
        Path dir = ShippedPolicies.dir();

        assertEquals(PackDigest.of(dir, PolicyFiles.list(dir)), ShippedPolicies.policy().digest());
    }

    @Test
    void everyPackExplainsItselfInAReadme() throws Exception {
        for (String pack : ShippedPolicies.policy().ruleCounts().keySet()) {
            Path readme = ShippedPolicies.dir().resolve(pack).resolve("README.md");
            assertTrue(Files.isRegularFile(readme) && Files.readString(readme).length() > 200, pack + " has a README.md");
        }
    }
}
