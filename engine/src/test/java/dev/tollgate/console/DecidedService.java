package dev.tollgate.console;

import dev.tollgate.Json;
import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service (Drools) on a copy of the packs that decided the samples, personal values among them, under one version
 * of the packs, and the first sample again under a second version (the gdpr pack's Art. 9 message changed).
 */
record DecidedService(TestService service, Path policies) implements AutoCloseable {
    static DecidedService start() throws Exception {
        Path policies = TestService.copyPolicies(Files.createTempDirectory("decided-policies"));
        DecidedService decided = new DecidedService(TestService.start(policies, List.of("drools")), policies);
        for (String body : Samples.BODIES) {
            assertEquals(200, decided.service.decide(TestService.CLAIMS_KEY, body).statusCode());
        }
        String first = decided.droolsVersion();
        Path drl = policies.resolve("gdpr/gdpr.drl");
        Files.writeString(drl, Files.readString(drl).replace("on-device model only", "on-device model only, always"));
        // The service reloads the packs within its reload interval.
        Eventually.until("the changed packs reloaded", Duration.ofSeconds(60), decided::droolsVersion,
                version -> !version.equals(first));
        assertEquals(200, decided.service.decide(TestService.CLAIMS_KEY, Samples.BODIES.getFirst()).statusCode());
        assertEquals(2, decided.versions());
        return decided;
    }

    private String droolsVersion() throws IOException {
        return Json.MAPPER.readTree(service.get("/health").body()).at("/policies/drools/version").asText();
    }

    private long versions() {
        String body = service.send(HttpRequest.newBuilder(service.uri("/v1/audit/policies"))
                .header("Authorization", "Bearer " + AuditApiTest.AUDITOR).GET().build()).body();
        return body.split("\"version\"").length - 1;
    }

    @Override
    public void close() {
        service.close();
    }
}
