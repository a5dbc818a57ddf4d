package dev.tollgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TOLLGATE_LOG_FORMAT=json: every line of the service's own log is a JSON object with its time (ISO-8601 with an
 * offset), level, logger and message, and the request id and trace id of the request being served.
 */
class JsonLogLinesTest {
    @Test
    void everyLineIsAJsonObjectAndTheAccessLineCarriesTheRequestId() throws Exception {
        Logger root = Logger.getLogger("");
        Map<Handler, Formatter> before = new HashMap<>();
        for (Handler handler : root.getHandlers()) {
            before.put(handler, handler.getFormatter());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler lines = new StreamHandler(out, new SimpleFormatter());
        root.addHandler(lines);
        try (TestService service = TestService.start(TestService.POLICIES, null, Map.of("TOLLGATE_LOG_FORMAT", "json"))) {
            HttpResponse<String> health = service.send(HttpRequest.newBuilder(service.uri("/health"))
                    .header("X-Request-Id", "json-lines-1").GET().build());
            assertEquals(200, health.statusCode(), health.body());
        } finally {
            root.removeHandler(lines);
            before.forEach(Handler::setFormatter);
        }
        lines.flush();
        List<JsonNode> logged = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\\R")) {
            logged.add(Json.MAPPER.readTree(line));
        }
        assertFalse(logged.isEmpty());
        for (JsonNode line : logged) {
            OffsetDateTime.parse(line.get("time").asText()); // throws without an offset
            for (String field : List.of("level", "logger", "message")) {
                assertTrue(line.hasNonNull(field), field + " in " + line);
            }
        }
        JsonNode access = logged.stream().filter(line -> line.get("logger").asText().equals("dev.tollgate.access"))
                .findFirst().orElseThrow(() -> new AssertionError("no access line in " + logged));
        assertEquals("json-lines-1", access.get("request_id").asText(), access.toString());
        assertTrue(access.get("trace_id").asText().matches("[0-9a-f]{32}"), access.toString());
        assertTrue(access.get("message").asText().startsWith("GET /health 200 "), access.toString());
        assertEquals("INFO", access.get("level").asText());
        assertTrue(logged.stream().anyMatch(line -> line.get("message").asText().startsWith("Tollgate listening on")
                && !line.has("request_id")), "a line written outside a request has no request id");
    }
}
