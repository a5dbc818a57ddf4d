package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.decision.DecideRequest;
import dev.tollgate.execute.ChatOptions;
import dev.tollgate.execute.Execution;
import dev.tollgate.terms.Refusal;
import dev.tollgate.terms.Route;
import dev.tollgate.terms.Strategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static dev.tollgate.api.openai.OpenAiAssertions.assertOpenAiError;
import static dev.tollgate.api.openai.OpenAiAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The non-streamed answer of /v1/chat/completions, what reaches the gateway, and the errors around it. */
class ChatCompletionsTest {
    static final String SIMPLE = """
            {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "When do you open?"}]}""";

    private OpenAiTestServer server;

    @BeforeEach
    void start() {
        server = new OpenAiTestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersWithAChatCompletionAndTheTollgateObject() {
        long before = Instant.now().getEpochSecond();
        HttpResponse<String> response = server.send(server.chat(SIMPLE));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode body = json(response.body());
        assertEquals("chatcmpl-" + ScriptedGateway.DECISION_ID, body.get("id").asText());
        assertEquals("chat.completion", body.get("object").asText());
        assertEquals("slm-local", body.get("model").asText(), "the model is the destination that answered");
        long created = body.get("created").asLong();
        assertTrue(created >= before && created <= Instant.now().getEpochSecond(), "created " + created);
        JsonNode choice = body.get("choices").get(0);
        assertEquals(1, body.get("choices").size());
        assertEquals(0, choice.get("index").asInt());
        assertEquals("assistant", choice.get("message").get("role").asText());
        assertEquals("Our office opens at 9 am.", choice.get("message").get("content").asText());
        assertEquals("stop", choice.get("finish_reason").asText());
        JsonNode usage = body.get("usage");
        assertEquals(List.of(21, 7, 28), List.of(usage.get("prompt_tokens").asInt(),
                usage.get("completion_tokens").asInt(), usage.get("total_tokens").asInt()));
        JsonNode tollgate = body.get("tollgate");
        assertEquals(ScriptedGateway.DECISION_ID, tollgate.get("decision_id").asText());
        assertEquals("slm-local", tollgate.get("destination").asText());
        assertEquals("cascade", tollgate.get("strategy").asText());
        assertFalse(tollgate.get("escalated").asBoolean());
        assertEquals(0.93, tollgate.get("confidence").asDouble());
        assertTrue(tollgate.get("human_oversight").asBoolean());
        assertFalse(tollgate.has("disclosure"), "no disclosure was required");
    }

    @Test
    void decisionHeadersNameTheDecisionRouteAndStrategy() {
        HttpResponse<String> response = server.send(server.chat(SIMPLE));
        assertEquals(ScriptedGateway.DECISION_ID, response.headers().firstValue("X-Tollgate-Decision-Id").orElse(""));
        assertEquals("slm-local", response.headers().firstValue("X-Tollgate-Route").orElse(""));
        assertEquals("cascade", response.headers().firstValue("X-Tollgate-Strategy").orElse(""));
        assertTrue(response.headers().firstValue("X-Tollgate-AI-Disclosure").isEmpty());
    }

    @Test
    void anExecutionThatFailsAfterTheDecisionStillNamesTheDecision() {
        server.gateway.fail(new Refusal(Refusal.Kind.DESTINATION_TIMEOUT,
                "Destination 'cloud-eu' did not answer in time"), true);
        HttpResponse<String> response = server.send(server.chat(SIMPLE));
        assertOpenAiError(response, 504, "server_error", "destination_timeout");
        assertEquals(ScriptedGateway.DECISION_ID, response.headers().firstValue("X-Tollgate-Decision-Id").orElse(""));
        assertEquals("slm-local", response.headers().firstValue("X-Tollgate-Route").orElse(""));
    }

    @Test
    void aRequiredDisclosureIsInTheBodyAndPercentEncodedInAHeaderWithoutTouchingTheContent() {
        String notice = "Sie chatten mit einer KI – 100% automatisiert.";
        server.gateway.allow(ScriptedGateway.execution(notice, "length"));
        HttpResponse<String> response = server.send(server.chat(SIMPLE));
        JsonNode body = json(response.body());
        assertEquals(notice, body.get("tollgate").get("disclosure").asText());
        assertEquals("Our office opens at 9 am.", body.get("choices").get(0).get("message").get("content").asText());
        assertEquals("length", body.get("choices").get(0).get("finish_reason").asText());
        String header = response.headers().firstValue("X-Tollgate-AI-Disclosure").orElseThrow();
        assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f), header);
        assertEquals(notice, URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    @Test
    void openAiMessagesBecomeTollgateMessages() {
        server.send(server.chat("""
                {"model": "tollgate", "messages": [
                  {"role": "developer", "content": "Be brief."},
                  {"role": "system", "content": "Answer in English."},
                  {"role": "user", "content": [{"type": "text", "text": "First part."}, {"type": "text", "text": "Second."}]},
                  {"role": "assistant", "content": "Earlier answer", "name": "bot"}],
                 "temperature": 0.2, "top_p": 0.9, "seed": 7, "n": 1, "tools": [],
                 "response_format": {"type": "text"}}"""));
        DecideRequest request = server.gateway.last().request();
        assertEquals(List.of(new DecideRequest.Message("system", "Be brief."),
                new DecideRequest.Message("system", "Answer in English."),
                new DecideRequest.Message("user", "First part.\nSecond."),
                new DecideRequest.Message("assistant", "Earlier answer")), request.messages());
    }

    @Test
    void decodingParametersReachTheGatewayAndDefaultsOfUnservedOnesAreAccepted() {
        HttpResponse<String> response = server.send(server.chat("""
                {"model": "tollgate", "messages": [{"role": "user", "content": "x"}], "temperature": 0.7,
                 "top_p": 0.5, "seed": 11, "stop": "END", "n": 1, "logprobs": false, "frequency_penalty": 0,
                 "presence_penalty": 0.0, "response_format": {"type": "json_schema", "json_schema": {"name": "hours",
                 "schema": {"type": "object", "properties": {"opens": {"type": "string"}}}}}}"""));
        assertEquals(200, response.statusCode(), response.body());
        ChatOptions options = server.gateway.last().options();
        assertEquals(0.7, options.temperature());
        assertEquals(0.5, options.topP());
        assertEquals(11, options.seed());
        assertEquals(List.of("END"), options.stop());
        assertEquals("hours", options.responseFormat().get("json_schema").get("name").asText());
        assertEquals("string", options.jsonSchema().get("properties").get("opens").get("type").asText());

        server.send(server.chat("""
                {"model": "tollgate", "messages": [{"role": "user", "content": "x"}], "stop": ["a", "b"],
                 "response_format": {"type": "text"}}"""));
        assertEquals(new ChatOptions(null, null, List.of("a", "b"), null, null), server.gateway.last().options());
    }

    @Test
    void theModelNamesTheDestinationThatAnsweredNotTheOneAskedForNorTheRoute() {
        server.gateway.allow(new Execution(ScriptedGateway.DECISION_ID, "cloud-eu", Strategy.CASCADE, true,
                "Escalated.", 30, 4, 0.4, null, false, "stop", null, null));
        HttpResponse<String> response = server.send(server.chat(SIMPLE));
        assertEquals("cloud-eu", json(response.body()).get("model").asText());
        assertEquals("slm-local", response.headers().firstValue("X-Tollgate-Route").orElse(""));
    }

    @Test
    void withoutTollgateInputsTheTaskIsChatTheCountryUnknownAndTheDefaultTokenLimitApplies() {
        server.send(server.chat(SIMPLE));
        ScriptedGateway.Call call = server.gateway.last();
        assertEquals("chat", call.request().taskType());
        assertNull(call.request().subjectCountry());
        assertEquals(List.of(), call.request().hintCategories());
        assertEquals(OpenAiTestServer.DEFAULT_MAX_TOKENS, call.maxTokens());
        assertEquals("claims-assistant", call.app().id());
    }

    @Test
    void metadataCarriesTaskCountryAndHintCategories() {
        server.send(server.chat("""
                {"model": "tollgate", "messages": [{"role": "user", "content": "x"}], "max_tokens": 64,
                 "metadata": {"task_type": "summarize", "subject_country": "DE", "hint_categories": "health, phi",
                              "trace": "abc"}}"""));
        ScriptedGateway.Call call = server.gateway.last();
        assertEquals("summarize", call.request().taskType());
        assertEquals("DE", call.request().subjectCountry());
        assertEquals(List.of("health", "phi"), call.request().hintCategories());
        assertEquals(64, call.maxTokens());
    }

    @Test
    void headersTakePrecedenceOverMetadata() {
        server.send(server.chat("""
                {"model": "tollgate", "messages": [{"role": "user", "content": "x"}], "max_completion_tokens": 4096,
                 "metadata": {"task_type": "summarize", "subject_country": "DE"}}""")
                .header("X-Tollgate-Task-Type", "faq").header("X-Tollgate-Subject-Country", "FR"));
        ScriptedGateway.Call call = server.gateway.last();
        assertEquals("faq", call.request().taskType());
        assertEquals("FR", call.request().subjectCountry());
        assertEquals(4096, call.maxTokens());
    }

    @Test
    void aDeniedDecisionIs403PolicyDeniedNamingTheRulesWithTheDecisionHeader() {
        server.gateway.deny("gdpr.art9.no-cloud", "residency.eu-only", "gdpr.art9.no-cloud");
        HttpResponse<String> response = server.send(server.chat(SIMPLE));
        JsonNode error = assertOpenAiError(response, 403, "permission_error", "policy_denied");
        assertEquals("Denied by policy rule(s): gdpr.art9.no-cloud, residency.eu-only", error.get("message").asText());
        assertFalse(error.get("message").asText().contains("open"), "no input text in the message");
        assertEquals(ScriptedGateway.DECISION_ID, response.headers().firstValue("X-Tollgate-Decision-Id").orElse(""));
        assertTrue(response.headers().firstValue("X-Tollgate-Route").isEmpty(), "a denial has no route");
    }

    @Test
    void aGatewayProblemBecomesAnOpenAiServerErrorWithItsStatus() {
        server.gateway.fail(new Refusal(Refusal.Kind.DESTINATION_UNAVAILABLE,
                "No permitted destination answered"), false);
        JsonNode error = assertOpenAiError(server.send(server.chat(SIMPLE)), 503, "server_error",
                "destination_unavailable");
        assertEquals("No permitted destination answered", error.get("message").asText());
        assertTrue(error.get("param").isNull());
        assertTrue(server.metrics.scrape().contains("status=\"503\""), "the problem is counted");
    }

    @Test
    void anUnexpectedGatewayFailureIsA500ThatDoesNotQuoteItsMessage() {
        server.gateway.fail(new IllegalStateException("could not parse 'When do you open?'"), false);
        JsonNode error = assertOpenAiError(server.send(server.chat(SIMPLE)), 500, "server_error", "internal");
        assertFalse(error.get("message").asText().contains("open"), error.toString());
    }

    @Test
    void missingOrUnknownApiKeysAre401() {
        HttpRequest.Builder noKey = HttpRequest.newBuilder(server.uri("/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(SIMPLE));
        HttpResponse<String> response = server.send(noKey);
        assertOpenAiError(response, 401, "authentication_error", "unauthorized");
        assertEquals("Bearer realm=\"tollgate\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertOpenAiError(server.send(server.chat(SIMPLE).setHeader("Authorization", "Bearer wrong")), 401,
                "authentication_error", "unauthorized");
        assertNull(server.gateway.last(), "nothing reached the gateway");
    }

    @Test
    void aBodyThatIsNotJsonContentIs415() {
        assertOpenAiError(server.send(server.chat(SIMPLE).setHeader("Content-Type", "text/plain")), 415,
                "invalid_request_error", "unsupported_media_type");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \""
                + "a".repeat((int) OpenAiTestServer.MAX_BODY_BYTES) + "\"}]}";
        assertOpenAiError(server.send(server.chat(big)), 413, "invalid_request_error", "payload_too_large");
    }

    @Test
    void otherMethodsAre405WithAllow() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/v1/chat/completions"))
                .header("Authorization", "Bearer " + OpenAiTestServer.KEY).GET());
        assertOpenAiError(response, 405, "invalid_request_error", "method_not_allowed");
        assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
    }
}
