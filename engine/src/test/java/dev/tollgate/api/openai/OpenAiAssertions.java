package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that a response is an OpenAI error of the expected status, type and code. */
final class OpenAiAssertions {
    private OpenAiAssertions() {
    }

    /** @return the error object */
    static JsonNode assertOpenAiError(HttpResponse<String> response, int status, String type, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode error = json(response.body()).get("error");
        assertEquals(type, error.get("type").asText(), response.body());
        assertEquals(code, error.get("code").asText(), response.body());
        assertTrue(error.get("message").isTextual() && !error.get("message").asText().isEmpty(), response.body());
        assertTrue(error.has("param"), "param must be present, if null: " + response.body());
        return error;
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
