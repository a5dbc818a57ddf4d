package dev.tollgate.api;

import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health/ready says 503, with the reason, while the decision log cannot be appended to, and 200 once it can. */
class ReadinessTest {
    @Test
    void notReadyWhileTheLogDirectoryIsGoneAndReadyAgainOnceItIsBack() throws Exception {
        try (TestService service = TestService.start()) {
            assertEquals(200, service.get("/health/ready").statusCode());
            Path log = service.dataDir().resolve("log");
            Path away = service.dataDir().resolve("log-away");
            Files.move(log, away);
            Files.createFile(log);

            HttpResponse<String> ready = service.get("/health/ready");
            assertEquals(503, ready.statusCode());
            assertTrue(ready.body().contains("the decision log cannot be appended to"), ready.body());
            HttpResponse<String> health = service.get("/health");
            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("\"writable\":false"), health.body());

            Files.delete(log);
            Files.move(away, log);
            assertEquals(200, service.get("/health/ready").statusCode());
        }
    }
}
