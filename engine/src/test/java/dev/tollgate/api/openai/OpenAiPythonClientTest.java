package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.decision.DecideRequest;
import dev.tollgate.testing.HoldingApplications;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.ScenarioRegistry;
import dev.tollgate.testing.SensitiveValue;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The official OpenAI Python client (pinned in engine/src/test/python/requirements.txt) against the OpenAI routes:
 * engine/src/test/python/openai_client_check.py makes a plain and a streamed call, lists the models and sends a
 * refused request, and prints what the client parsed. Once against a scripted gateway, to pin the wire format
 * exactly, and once against the real service, where the on-device model answers; openai_review_check.py shows what
 * the client makes of an answer held for human review; openai_tools_check.py runs a tool-calling conversation
 * through the service to a recording cloud. The client's python comes from
 * TOLLGATE_OPENAI_PYTHON, or scripts/openai-client.sh installs it.
 */
class OpenAiPythonClientTest {
    private static final Path SCRIPT = TestService.ROOT.resolve("engine/src/test/python/openai_client_check.py");
    private static final Path TOOLS_SCRIPT = TestService.ROOT.resolve("engine/src/test/python/openai_tools_check.py");
    private static final Path REVIEW_SCRIPT = TestService.ROOT.resolve("engine/src/test/python/openai_review_check.py");
    private static final long TIMEOUT_SECONDS = 300;

    @Test
    void theOfficialClientParsesAnswersStreamsModelsAndErrors() throws Exception {
        try (OpenAiTestServer server = new OpenAiTestServer()) {
            String stdout = run(List.of(python(), SCRIPT.toString(), server.uri("/v1").toString(),
                    OpenAiTestServer.KEY));
            List<String> lines = stdout.strip().lines().toList();
            JsonNode summary = Json.MAPPER.readTree(lines.getLast());
            String content = String.join("", ScriptedGateway.PIECES);

            JsonNode completion = summary.get("completion");
            assertEquals("chatcmpl-" + ScriptedGateway.DECISION_ID, completion.get("id").asText());
            assertEquals("chat.completion", completion.get("object").asText());
            assertEquals("slm-local", completion.get("model").asText(), "the model is the destination that answered");
            assertEquals("assistant", completion.get("role").asText());
            assertEquals(content, completion.get("content").asText());
            assertEquals("stop", completion.get("finish_reason").asText());
            assertEquals(28, completion.get("usage").get("total_tokens").asInt());
            assertEquals(ScriptedGateway.DECISION_ID, completion.get("decision_id_header").asText());
            assertEquals("slm-local", completion.get("tollgate").get("destination").asText());

            JsonNode stream = summary.get("stream");
            assertEquals(List.of("assistant"), texts(stream.get("roles")));
            assertEquals(ScriptedGateway.PIECES, texts(stream.get("deltas")));
            assertEquals(content, stream.get("content").asText(), "the streamed text is the deltas in order");
            assertEquals(List.of("stop"), texts(stream.get("finish_reasons")));
            assertEquals(List.of(21, 7, 28), List.of(stream.get("usage").get("prompt_tokens").asInt(),
                    stream.get("usage").get("completion_tokens").asInt(),
                    stream.get("usage").get("total_tokens").asInt()));
            assertEquals(ScriptedGateway.DECISION_ID, stream.get("decision_id_header").asText());
            assertEquals(List.of("chatcmpl-" + ScriptedGateway.DECISION_ID), texts(stream.get("ids")));

            assertEquals(List.of("tollgate", "tollgate-local"), texts(summary.get("models")));

            JsonNode refused = summary.get("refused");
            assertEquals("BadRequestError", refused.get("exception").asText());
            assertEquals(400, refused.get("status").asInt());
            assertEquals("invalid_request", refused.get("code").asText());
            assertEquals("n", refused.get("param").asText());

            ScriptedGateway.Call call = server.gateway.last();
            assertEquals("faq", call.request().taskType(), "the client's extra header reached the decision");
            assertEquals(64, call.maxTokens());
            assertEquals(List.of(new DecideRequest.Message("system", "Answer in one sentence."),
                    new DecideRequest.Message("user", "When does the office open?")), call.request().messages());
        }
    }

    @Test
    void theOfficialClientTalksToTheRealServiceAndItsOnDeviceModel() throws Exception {
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools"),
                Map.of("TOLLGATE_SLM_MODEL", TestService.slmModel()))) {
            String stdout = run(List.of(python(), SCRIPT.toString(), service.uri("/v1").toString(),
                    "demo-support-bot"));
            JsonNode summary = Json.MAPPER.readTree(stdout.strip().lines().toList().getLast());

            JsonNode completion = summary.get("completion");
            assertEquals("chatcmpl-" + completion.get("decision_id_header").asText(), completion.get("id").asText());
            assertFalse(completion.get("content").asText().isBlank());
            assertEquals("slm-local", completion.get("tollgate").get("destination").asText());
            JsonNode usage = completion.get("usage");
            assertTrue(usage.get("completion_tokens").asInt() > 0);
            assertEquals(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt(),
                    usage.get("total_tokens").asInt());

            JsonNode stream = summary.get("stream");
            assertTrue(stream.get("deltas").size() > 1, "the on-device answer streams in pieces");
            assertEquals(String.join("", texts(stream.get("deltas"))), stream.get("content").asText());
            assertEquals(completion.get("content").asText(), stream.get("content").asText(),
                    "temperature 0: the streamed answer is the plain one");
            assertTrue(stream.get("usage").get("completion_tokens").asInt() > 0);
            assertFalse(stream.get("decision_id_header").asText().equals(completion.get("decision_id_header").asText()),
                    "every call is its own decision");
            assertEquals(List.of("tollgate"), texts(summary.get("models")));
            assertEquals("BadRequestError", summary.get("refused").get("exception").asText());
        }
    }

    /**
     * An answer held for human review: the client (default retries) raises PermissionDeniedError with code
     * review_pending naming the review, once, and while streaming an APIError after no text.
     */
    @Test
    void theOfficialClientRaisesPermissionDeniedNamingTheReviewOfAHeldAnswer(@TempDir Path dir) throws Exception {
        try (RecordingCloud cloud = RecordingCloud.start().always("Dear <PERSON_1>, the limit stays.");
             TestService service = TestService.start(TestService.POLICIES, List.of("drools"), Map.of(
                     "TOLLGATE_CONFIG", HoldingApplications.config(dir).toString(),
                     "TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(), "TOLLGATE_CLOUD_EU_MODEL", "cloud-model",
                     "TOLLGATE_CLOUD_EU_KEY", "test-key"))) {
            String stdout = run(List.of(python(), REVIEW_SCRIPT.toString(), service.uri("/v1").toString(),
                    HoldingApplications.KEY, HoldingApplications.TEXT));
            JsonNode summary = Json.MAPPER.readTree(stdout.strip().lines().toList().getLast());

            JsonNode plain = summary.get("plain");
            assertEquals("PermissionDeniedError", plain.get("exception").asText());
            assertEquals(403, plain.get("status").asInt());
            assertEquals("review_pending", plain.get("code").asText());
            String id = plain.get("review_id_header").asText();
            assertTrue(plain.get("message").asText().contains("GET /v1/reviews/" + id), plain.toString());
            JsonNode stream = summary.get("stream");
            assertEquals("review_pending", stream.get("code").asText(), stream.toString());
            assertEquals(0, stream.get("texts").size(), "no text of a held answer is streamed");
            assertEquals(2, cloud.bodies().size(), "each call ran once: the client did not retry");
            assertEquals(200, service.send(HttpRequest.newBuilder(service.uri("/v1/reviews/" + id))
                    .header("Authorization", "Bearer " + HoldingApplications.REVIEWER).GET().build()).statusCode());
        }
    }

    /**
     * A tool-calling conversation, plain and streamed, on a static cloud route whose cloud leg is masked: the cloud
     * is offered the tools and calls one with a placeholder, the caller gets the call with the value restored, and
     * sends it back with the tool's result; no body the cloud receives holds a value, in the messages, the call's
     * arguments or the result, and the caller gets the answer restored.
     */
    @Test
    void theOfficialClientRunsAToolCallingConversationWhoseValuesTheCloudNeverSees() throws Exception {
        String user = "Find the order of Maria Schmidt, maria.schmidt@example.com, and tell her its status.";
        String result = "{\"customer\": \"Maria Schmidt\", \"phone\": \"+49 30 1234567\", \"status\": \"shipped\"}";
        List<SensitiveValue> values = List.of(new SensitiveValue("PERSON", "Maria Schmidt"),
                new SensitiveValue("EMAIL_ADDRESS", "maria.schmidt@example.com"),
                new SensitiveValue("PHONE_NUMBER", "+49 30 1234567"));
        RecordingCloud.ToolCall lookup = new RecordingCloud.ToolCall("lookup_order",
                "{\"email\": \"<EMAIL_ADDRESS_1>\"}");
        try (RecordingCloud cloud = RecordingCloud.start().callsTools(lookup, lookup)
                .always("Dear <PERSON_1>, your order has shipped.");
             TestService service = TestService.start(TestService.POLICIES, List.of("drools"), withCloud(cloud))) {
            String stdout = run(List.of(python(), TOOLS_SCRIPT.toString(), service.uri("/v1").toString(),
                    ScenarioRegistry.BANK_KEY, user, result));
            JsonNode summary = Json.MAPPER.readTree(stdout.strip().lines().toList().getLast());

            for (String turn : List.of("plain_call", "stream_call")) {
                JsonNode call = summary.get(turn);
                assertEquals("tool_calls", call.get("finish_reason").asText(), call.toString());
                assertEquals("lookup_order", call.get("tool_calls").get(0).get("name").asText());
                assertEquals("maria.schmidt@example.com", Json.MAPPER.readTree(
                        call.get("tool_calls").get(0).get("arguments").asText()).get("email").asText(),
                        "the caller gets the argument restored: " + call);
            }
            for (String turn : List.of("plain_answer", "stream_answer")) {
                assertEquals("Dear Maria Schmidt, your order has shipped.", summary.get(turn).get("content").asText(),
                        summary.get(turn).toString());
            }
            List<JsonNode> bodies = cloud.bodies();
            assertEquals(4, bodies.size());
            for (JsonNode body : bodies) {
                assertEquals("lookup_order", body.at("/tools/0/function/name").asText(), "the tools reach the cloud");
                assertEquals("auto", body.path("tool_choice").asText());
                for (String text : RecordingCloud.messageTexts(body)) {
                    for (SensitiveValue value : values) {
                        assertEquals(List.of(), value.tracesIn(text), value.type() + " reached the cloud in: " + text);
                    }
                }
            }
            assertTrue(RecordingCloud.messageTexts(bodies.getFirst()).getFirst().contains("<EMAIL_ADDRESS_1>"),
                    "the placeholder the cloud calls the tool with is the one it was sent");
            for (JsonNode followUp : bodies.subList(2, 4)) {
                JsonNode messages = followUp.path("messages");
                assertEquals("{\"email\": \"<EMAIL_ADDRESS_1>\"}",
                        messages.at("/1/tool_calls/0/function/arguments").asText(), followUp.toString());
                assertEquals("tool", messages.at("/2/role").asText());
                assertEquals(messages.at("/1/tool_calls/0/id").asText(), messages.at("/2/tool_call_id").asText());
                assertTrue(messages.at("/2/content").asText().contains("<PERSON_1>"), followUp.toString());
            }
        }
    }

    /** The shipped policies with the scenario registry, cloud-eu being the recording cloud. */
    private static Map<String, String> withCloud(RecordingCloud cloud) {
        Map<String, String> environment = new HashMap<>(ScenarioRegistry.environment());
        environment.putAll(Map.of("TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(), "TOLLGATE_CLOUD_EU_MODEL", "cloud-model",
                "TOLLGATE_CLOUD_EU_KEY", "test-key"));
        return environment;
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asText).toList();
    }

    /** TOLLGATE_OPENAI_PYTHON, else the python that scripts/openai-client.sh installs and names on its last line. */
    private static String python() throws Exception {
        String configured = System.getenv("TOLLGATE_OPENAI_PYTHON");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String installed = run(List.of(TestService.ROOT.resolve("scripts/openai-client.sh").toString()));
        return installed.strip().lines().toList().getLast();
    }

    /** The command's standard output; fails with its standard error when it exits non-zero or times out. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("openai-client", ".out");
        Path err = Files.createTempFile("openai-client", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(TestService.ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command.getFirst() + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                fail(command.getFirst() + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
