package dev.tollgate.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.TestService;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A decision made with the claims assistant's key, and an audit API answer read with the auditor's, both 200. */
final class AuditCalls {
    private AuditCalls() {
    }

    static String decide(TestService service, String body) throws IOException {
        HttpResponse<String> decided = service.decide(TestService.CLAIMS_KEY, body);
        assertEquals(200, decided.statusCode(), decided.body());
        return Json.MAPPER.readTree(decided.body()).get("decision_id").asText();
    }

    static JsonNode get(TestService service, String path) throws IOException {
        HttpResponse<String> answer = service.send(HttpRequest.newBuilder(service.uri(path))
                .header("Authorization", "Bearer " + AuditApiTest.AUDITOR).GET().build());
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.MAPPER.readTree(answer.body());
    }
}
