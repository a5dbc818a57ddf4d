package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.util.stream.Stream;

import static dev.tollgate.api.openai.OpenAiAssertions.assertOpenAiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request /v1/chat/completions refuses is a 400 invalid_request_error naming the offending param: invalid
 * values, and every parameter Tollgate does not serve unless it has the value that asks for nothing. Malformed
 * tools, tool calls and tool results are among them (an empty tool_calls array is no call).
 */
class ChatCompletionsValidationTest {
    private static final String USER = "[{\"role\": \"user\", \"content\": \"Hello\"}]";
    private static OpenAiTestServer server;

    @BeforeAll
    static void start() {
        server = new OpenAiTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A valid request with the given extra fields. */
    private static String with(String fields) {
        return "{\"model\": \"tollgate\", \"messages\": " + USER + ", " + fields + "}";
    }

    private static String messages(String messages) {
        return "{\"model\": \"tollgate\", \"messages\": " + messages + "}";
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{\"messages\": " + USER + "}", "model"),
                Arguments.of("{\"model\": 7, \"messages\": " + USER + "}", "model"),
                Arguments.of("{\"model\": \"\", \"messages\": " + USER + "}", "model"),
                Arguments.of("{\"model\": \"tollgate\"}", "messages"),
                Arguments.of(messages("\"Hello\""), "messages"),
                Arguments.of(messages("[]"), "messages"),
                Arguments.of(messages("[" + "{\"role\": \"user\", \"content\": \"x\"},".repeat(256)
                        + "{\"role\": \"user\", \"content\": \"x\"}]"), "messages"),
                Arguments.of(messages("[\"Hello\"]"), "messages[0]"),
                Arguments.of(messages("[{\"role\": \"tool\", \"content\": \"42\"}]"), "messages[0].tool_call_id"),
                Arguments.of(messages("[{\"role\": \"function\", \"name\": \"f\", \"content\": \"42\"}]"),
                        "messages[0].role"),
                Arguments.of(messages("[{\"role\": \"assistant\", \"content\": \"Looking it up.\", \"tool_calls\": "
                        + "[{\"id\": \"c1\", \"type\": \"function\", \"function\": {\"name\": \"f\"}}]}]"),
                        "messages[0].tool_calls[0]"),
                Arguments.of(messages("[{\"role\": \"user\", \"content\": \"Hi\", \"tool_calls\": "
                        + "[{\"id\": \"c1\", \"type\": \"function\", \"function\": {\"name\": \"f\", "
                        + "\"arguments\": \"{}\"}}]}]"), "messages[0].tool_calls"),
                Arguments.of(messages("[{\"role\": \"assistant\", \"content\": \"Looking it up.\", "
                        + "\"function_call\": {\"name\": \"f\", \"arguments\": \"{}\"}}]"),
                        "messages[0].function_call"),
                Arguments.of(messages("[{\"role\": \"user\", \"content\": \"Berlin\", \"tool_call_id\": \"c1\"}]"),
                        "messages[0].tool_call_id"),
                Arguments.of(messages("[{\"content\": \"Hello\"}]"), "messages[0].role"),
                Arguments.of(messages("[{\"role\": \"user\"}]"), "messages[0].content"),
                Arguments.of(messages("[{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"assistant\", "
                        + "\"content\": null, \"tool_calls\": []}]"), "messages[1].content"),
                Arguments.of(messages("[{\"role\": \"user\", \"content\": []}]"), "messages[0].content"),
                Arguments.of(messages("[{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Look\"}, "
                        + "{\"type\": \"image_url\", \"image_url\": {\"url\": \"https://example.org/a.png\"}}]}]"),
                        "messages[0].content[1].type"),
                Arguments.of(messages("[{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": 5}]}]"),
                        "messages[0].content[0].text"),
                Arguments.of(with("\"max_tokens\": 0"), "max_tokens"),
                Arguments.of(with("\"max_tokens\": 4097"), "max_tokens"),
                Arguments.of(with("\"max_tokens\": 1.5"), "max_tokens"),
                Arguments.of(with("\"max_completion_tokens\": \"100\""), "max_completion_tokens"),
                Arguments.of(with("\"max_tokens\": 10, \"max_completion_tokens\": 10"), "max_tokens"),
                Arguments.of(with("\"n\": 2"), "n"),
                Arguments.of(with("\"tools\": [{\"type\": \"code_interpreter\"}]"), "tools[0]"),
                Arguments.of(with("\"tools\": {\"type\": \"function\"}"), "tools"),
                Arguments.of(with("\"tool_choice\": \"sometimes\""), "tool_choice"),
                Arguments.of(with("\"parallel_tool_calls\": false"), "parallel_tool_calls"),
                Arguments.of(with("\"functions\": [{\"name\": \"f\"}]"), "functions"),
                Arguments.of(with("\"response_format\": {\"type\": \"xml\"}"), "response_format.type"),
                Arguments.of(with("\"response_format\": {\"type\": \"json_schema\", \"json_schema\": {}}"),
                        "response_format.json_schema"),
                Arguments.of(with("\"logprobs\": true"), "logprobs"),
                Arguments.of(with("\"top_logprobs\": 2"), "top_logprobs"),
                Arguments.of(with("\"frequency_penalty\": 0.5"), "frequency_penalty"),
                Arguments.of(with("\"presence_penalty\": -1"), "presence_penalty"),
                Arguments.of(with("\"logit_bias\": {\"50256\": -100}"), "logit_bias"),
                Arguments.of(with("\"audio\": {\"voice\": \"alloy\"}"), "audio"),
                Arguments.of(with("\"temperature\": 2.5"), "temperature"),
                Arguments.of(with("\"temperature\": \"hot\""), "temperature"),
                Arguments.of(with("\"top_p\": 1.5"), "top_p"),
                Arguments.of(with("\"seed\": 1.5"), "seed"),
                Arguments.of(with("\"stop\": []"), "stop"),
                Arguments.of(with("\"stop\": [\"a\", \"b\", \"c\", \"d\", \"e\"]"), "stop"),
                Arguments.of(with("\"stop\": [\"\"]"), "stop"),
                Arguments.of(with("\"stream\": \"yes\""), "stream"),
                Arguments.of(with("\"stream\": true, \"stream_options\": 1"), "stream_options"),
                Arguments.of(with("\"stream\": true, \"stream_options\": {\"include_usage\": \"true\"}"),
                        "stream_options.include_usage"),
                Arguments.of(with("\"metadata\": \"faq\""), "metadata"),
                Arguments.of(with("\"metadata\": {\"task_type\": \"Not a task\"}"), "metadata.task_type"),
                Arguments.of(with("\"metadata\": {\"subject_country\": \"Germany\"}"), "metadata.subject_country"),
                Arguments.of(with("\"metadata\": {\"subject_country\": 49}"), "metadata.subject_country"),
                Arguments.of(with("\"metadata\": {\"hint_categories\": \"health,harmless\"}"),
                        "metadata.hint_categories"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void invalidFieldsAre400WithTheirParam(String body, String param) {
        JsonNode error = assertOpenAiError(server.send(server.chat(body)), 400, "invalid_request_error",
                "invalid_request");
        assertEquals(param, error.get("param").asText(), error.toString());
        assertTrue(error.get("message").asText().startsWith(param + ": "), error.toString());
        assertNull(server.gateway.last(), "an invalid request reaches no gateway");
    }

    @ParameterizedTest
    @MethodSource("invalidHeaders")
    void invalidTollgateHeadersAre400NamingTheHeader(String header, String value) {
        JsonNode error = assertOpenAiError(server.send(server.chat(with("\"metadata\": {}")).header(header, value)),
                400, "invalid_request_error", "invalid_request");
        assertEquals(header, error.get("param").asText(), error.toString());
    }

    static Stream<Arguments> invalidHeaders() {
        return Stream.of(Arguments.of("X-Tollgate-Subject-Country", "de"),
                Arguments.of("X-Tollgate-Task-Type", "FAQ!"));
    }

    @Test
    void everyInvalidFieldIsListedInTheMessage() {
        JsonNode error = assertOpenAiError(server.send(server.chat(with("\"max_tokens\": -1, \"n\": 3"))), 400,
                "invalid_request_error", "invalid_request");
        assertEquals("max_tokens", error.get("param").asText());
        assertEquals("max_tokens: must be an integer from 1 to 4096; n: is not supported by Tollgate: leave it out or "
                        + "give 1",
                error.get("message").asText());
    }

    @Test
    void malformedJsonIs400WithoutAParam() {
        JsonNode error = assertOpenAiError(server.send(server.chat("{\"model\": ")), 400, "invalid_request_error",
                "malformed_json");
        assertTrue(error.get("param").isNull());
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        JsonNode error = assertOpenAiError(server.send(server.chat("[]")), 400, "invalid_request_error",
                "invalid_request");
        assertTrue(error.get("param").isNull());
    }

    @Test
    void anEmptyBodyIs400() {
        assertOpenAiError(server.send(server.chat("").POST(HttpRequest.BodyPublishers.noBody())), 400,
                "invalid_request_error", "malformed_json");
    }
}
