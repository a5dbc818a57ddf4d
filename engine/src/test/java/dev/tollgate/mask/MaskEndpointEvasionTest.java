package dev.tollgate.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.testing.EvasionSet;
import dev.tollgate.testing.EvasionSet.Case;
import dev.tollgate.testing.TestService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import dev.tollgate.testing.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every case of the evasion set, sent to POST /v1/mask of the real service over HTTP, comes back unreadable. */
class MaskEndpointEvasionTest {
    @RegisterExtension
    static final RunningService RUNNING = new RunningService();

    private static TestService service() {
        return RUNNING.service();
    }

    private static String maskedByTheService(Case c) {
        try {
            String body = Json.MAPPER.writeValueAsString(Map.of(
                    "input", Map.of("messages", List.of(Map.of("role", "user", "content", c.text()))),
                    "entities", PiiDetector.SPECIFICITY));
            HttpResponse<String> response = service().post("/v1/mask", TestService.CLAIMS_KEY, body);
            assertEquals(200, response.statusCode(), c + ": " + response.body());
            JsonNode answer = Json.MAPPER.readTree(response.body());
            return answer.at("/messages/0/content").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyCaseIsMaskedOverHttp() {
        List<Case> failed = EvasionSet.failures("POST /v1/mask", EvasionSet.cases(),
                c -> c.isMaskedIn(maskedByTheService(c)));
        assertEquals(List.of(), failed);
    }
}
