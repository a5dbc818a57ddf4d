package dev.tollgate.testing;

import dev.tollgate.config.ApplicationRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two high-risk (credit scoring) applications for tests of human oversight, as a configuration file laid over the
 * embedded one: loan-desk holds answers for its reviewer ({@code human_oversight: hold}), flag-desk gives them with
 * the flag. Both may send finance data about a person to cloud-eu, masked, so that a credit question
 * is routed to the cloud.
 */
public final class HoldingApplications {
    public static final String KEY = "demo-loan-desk";
    public static final String REVIEWER = "demo-loan-desk-reviewer";
    public static final String FLAG_KEY = "demo-flag-desk";
    public static final String FLAG_REVIEWER = "demo-flag-desk-reviewer";
    /** A reasoning task about a named person's credit: routed to cloud-eu with the name masked. */
    public static final String TEXT = "Explain step by step how the credit limit of Maria Schmidt should be reviewed "
            + "after her salary rose.";

    private HoldingApplications() {
    }

    /** Writes the configuration into dir and returns its path. */
    public static Path config(Path dir) throws IOException {
        return config(dir, "");
    }

    /** The configuration with more settings after the applications (YAML at the top level). */
    public static Path config(Path dir, String more) throws IOException {
        return Files.writeString(dir.resolve("holding-applications.yaml"), "applications:\n"
                + application("loan-desk", "hold", KEY, REVIEWER) + application("flag-desk", "flag", FLAG_KEY,
                FLAG_REVIEWER) + more);
    }

    private static String application(String id, String humanOversight, String key, String reviewerKey) {
        return """
                  - id: %s
                    purpose: consumer credit assessment
                    ai_act_use_case: credit_scoring
                    tenant_residency: EU
                    controller_establishment: NL
                    permitted_destinations: [slm-local, cloud-eu]
                    high_risk_approved_destinations: [slm-local, cloud-eu]
                    regulated_approved_destinations: [cloud-eu]
                    human_oversight: %s
                    api_keys:
                      - {sha256: %s, role: staff}
                      - {sha256: %s, role: reviewer}
                """.formatted(id, humanOversight, ApplicationRegistry.sha256(key),
                ApplicationRegistry.sha256(reviewerKey));
    }
}
