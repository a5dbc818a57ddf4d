package dev.tollgate.testing;

import dev.tollgate.config.ApplicationRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An application with a cloud budget and a latency SLA, so that their gauges and alerts exist in a service. */
public final class OpsApplication {
    public static final String KEY = "demo-ops-app";

    private OpsApplication() {
    }

    /** Writes its registry as a configuration file in dir, for TOLLGATE_CONFIG. */
    public static Path config(Path dir) throws IOException {
        return Files.writeString(dir.resolve("ops.yaml"), """
                applications:
                  - id: ops-app
                    purpose: internal engineering questions
                    ai_act_use_case: none
                    tenant_residency: EU
                    controller_establishment: DE
                    permitted_destinations: [slm-local, cloud-eu]
                    cloud_token_budget_monthly: 1000000
                    latency_sla_ms: 20000
                    api_key_sha256: %s
                """.formatted(ApplicationRegistry.sha256(KEY)));
    }
}
