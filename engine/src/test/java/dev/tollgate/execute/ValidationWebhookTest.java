package dev.tollgate.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.Json;
import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.execute.offline.ValidationStatus;
import dev.tollgate.execute.offline.ValidationStatus.State;
import dev.tollgate.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.tollgate.testing.ApplicationBuilder.application;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An application's validation webhook, against a recording receiver on loopback. */
class ValidationWebhookTest {
    private HttpServer receiver;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                received.add(Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(status.get(), -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private static Application app(String id, String webhook) {
        return application(id).apiKeySha256(ApplicationRegistry.sha256(id)).validationWebhook(webhook).build();
    }

    private ValidationWebhook webhook() {
        return new ValidationWebhook(new ApplicationRegistry(List.of(
                app("claims", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
                app("quiet", null))));
    }

    @Test
    void theEndIsPostedWithIdsAndStatusOnly() {
        webhook().send(new ValidationStatus("v-1", "claims", "d-1", State.DISAGREED, 2, null)).join();
        webhook().send(new ValidationStatus("v-2", "quiet", "d-2", State.AGREED, 1, null)).join();

        assertEquals(List.of(Json.MAPPER.createObjectNode().put("decision_id", "d-1").put("status", "disagreed")
                .put("validation_id", "v-1")), received, "one POST, for the application with a webhook");
    }

    @Test
    void aFailingWebhookIsLoggedWithoutRetrying() {
        status.set(500);
        try (LogCapture log = new LogCapture()) {
            webhook().send(new ValidationStatus("v-3", "claims", "d-3", State.FAILED, 12, "bad-response")).join();
            assertEquals(1, received.size());
            assertEquals(List.of("WARNING " + ValidationWebhook.class.getName() + ": validation webhook of application "
                    + "claims for validation v-3 answered 500"), log.warnings());
        }
    }
}
