package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.tollgate.api.openai.OpenAiAssertions.assertOpenAiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tool calls and tool results are refused by /v1/chat/completions, not dropped: nothing of them is passed on to be
 * decided on, masked or sent to a model, and the client learns that they were not served.
 */
class ToolCallsRefusedTest {
    private static final String USER = "{\"role\": \"user\", \"content\": \"Where is my parcel for Maria Schmidt?\"}";
    private OpenAiTestServer server;

    @BeforeEach
    void start() {
        server = new OpenAiTestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String messages(String... messages) {
        return "{\"model\": \"tollgate\", \"messages\": [" + String.join(", ", messages) + "]}";
    }

    static Stream<Arguments> toolCallsAndResults() {
        String call = "[{\"id\": \"c1\", \"type\": \"function\", \"function\": {\"name\": \"track\", "
                + "\"arguments\": \"{\\\"name\\\": \\\"Maria Schmidt\\\"}\"}}]";
        return Stream.of(
                Arguments.of(messages(USER, "{\"role\": \"assistant\", \"content\": \"Looking it up.\", "
                        + "\"tool_calls\": " + call + "}"), "messages[1].tool_calls"),
                Arguments.of(messages(USER, "{\"role\": \"assistant\", \"content\": \"Looking it up.\", "
                        + "\"function_call\": {\"name\": \"track\", \"arguments\": \"{}\"}}"),
                        "messages[1].function_call"),
                Arguments.of(messages(USER, "{\"role\": \"user\", \"content\": \"Maria Schmidt, Berlin\", "
                        + "\"tool_call_id\": \"c1\"}"), "messages[1].tool_call_id"),
                Arguments.of(messages(USER, "{\"role\": \"tool\", \"content\": \"Maria Schmidt, Berlin\", "
                        + "\"tool_call_id\": \"c1\"}"), "messages[1].role"),
                Arguments.of(messages(USER, "{\"role\": \"function\", \"name\": \"track\", \"content\": \"Berlin\"}"),
                        "messages[1].role"));
    }

    @ParameterizedTest
    @MethodSource("toolCallsAndResults")
    void aToolCallOrToolResultIsA400NamingIt(String body, String param) {
        JsonNode error = assertOpenAiError(server.send(server.chat(body)), 400, "invalid_request_error",
                "invalid_request");
        assertTrue(error.get("message").asText().contains(param + ": "), error.toString());
        assertEquals(param, error.get("param").asText(), error.toString());
        assertNull(server.gateway.last(), "nothing of a refused request is passed on");
    }

    @Test
    void anEmptyToolCallsListIsNoToolCall() {
        String body = messages(USER, "{\"role\": \"assistant\", \"content\": \"Hello.\", \"tool_calls\": []}", USER);
        assertEquals(200, server.send(server.chat(body)).statusCode());
        assertNotNull(server.gateway.last());
        assertEquals(3, server.gateway.last().request().messages().size());
    }
}
