package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.api.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that a response is the RFC 9457 problem of the expected status and stable type. */
public final class ProblemAssertions {
    private ProblemAssertions() {
    }

    public static JsonNode assertProblem(HttpResponse<String> response, int status, String kind) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(Problem.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElse(""));
        try {
            JsonNode body = Json.MAPPER.readTree(response.body());
            assertEquals(Problem.TYPE_BASE + kind, body.get("type").asText());
            assertEquals(status, body.get("status").asInt());
            assertTrue(body.hasNonNull("title") && body.hasNonNull("detail"));
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
