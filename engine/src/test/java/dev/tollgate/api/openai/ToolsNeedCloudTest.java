package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.tollgate.api.openai.OpenAiAssertions.assertOpenAiError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The on-device model calls no tools: a chat offering tools, or holding tool calls, that policy routes on device is
 * refused with 400 tools_need_cloud after its decision, never answered as if the tools were not there.
 */
class ToolsNeedCloudTest {
    private static final String TOOLS = "\"tools\": [{\"type\": \"function\", \"function\": {\"name\": "
            + "\"opening_hours\", \"parameters\": {\"type\": \"object\", \"properties\": {}}}}]";
    private static final String HISTORY = "\"messages\": [{\"role\": \"user\", \"content\": \"When do you open?\"}, "
            + "{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"call_1\", \"type\": "
            + "\"function\", \"function\": {\"name\": \"opening_hours\", \"arguments\": \"{}\"}}]}, "
            + "{\"role\": \"tool\", \"tool_call_id\": \"call_1\", \"content\": \"9 to 5\"}]";
    private static TestService service;

    @BeforeAll
    static void start() throws Exception {
        service = TestService.start(TestService.POLICIES, List.of("drools"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"messages\": [{\"role\": \"user\", \"content\": \"When do you open?\"}], " + TOOLS,
            HISTORY})
    void aChatWithToolsRoutedOnDeviceIsRefused(String fields) {
        HttpResponse<String> response = chat(fields);
        JsonNode error = assertOpenAiError(response, 400, "invalid_request_error", "tools_need_cloud");
        assertTrue(error.get("message").asText().contains("'slm-local'"), error.toString());
        assertEquals("slm-local", response.headers().firstValue("X-Tollgate-Route").orElse(""));
    }

    /** A stream opens with the decision, so the refusal comes as its error frame, before any text. */
    @Test
    void aStreamedChatWithToolCallsRoutedOnDeviceEndsWithTheRefusal() {
        HttpResponse<String> response = chat(HISTORY + ", \"stream\": true");
        List<String> events = response.body().lines().filter(line -> line.startsWith("data: ")).toList();
        assertEquals(2, events.size(), response.body());
        assertEquals("tools_need_cloud", OpenAiAssertions.json(events.getLast().substring("data: ".length()))
                .get("error").get("code").asText());
    }

    private static HttpResponse<String> chat(String fields) {
        return service.send(HttpRequest.newBuilder(service.uri("/v1/chat/completions"))
                .header("Authorization", "Bearer demo-support-bot")
                .header("Content-Type", "application/json")
                .header("X-Tollgate-Task-Type", "faq")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"tollgate\", " + fields + "}")).build());
    }
}
