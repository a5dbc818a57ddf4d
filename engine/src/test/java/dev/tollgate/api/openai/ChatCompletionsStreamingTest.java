package dev.tollgate.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.terms.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static dev.tollgate.api.openai.OpenAiAssertions.assertOpenAiError;
import static dev.tollgate.api.openai.OpenAiAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "stream": true answers as OpenAI streams: Server-Sent Events of chat.completion.chunk objects. */
class ChatCompletionsStreamingTest {
    private static final String STREAM = """
            {"model": "gpt-4o-mini", "stream": true, "messages": [{"role": "user", "content": "When do you open?"}]""";
    private static final String WITH_USAGE = STREAM + ", \"stream_options\": {\"include_usage\": true}}";

    private OpenAiTestServer server;

    @BeforeEach
    void start() {
        server = new OpenAiTestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The data of each event; every event must be one "data: " line followed by a blank line. */
    private static List<String> events(String body) {
        assertTrue(body.endsWith("\n\n"), "the last event is terminated: " + body);
        return Arrays.stream(body.substring(0, body.length() - 2).split("\n\n", -1)).map(event -> {
            assertTrue(event.startsWith("data: ") && !event.contains("\n"), "not a data event: " + event);
            return event.substring("data: ".length());
        }).toList();
    }

    private static void assertChunk(JsonNode chunk, long created) {
        assertEquals("chatcmpl-" + ScriptedGateway.DECISION_ID, chunk.get("id").asText());
        assertEquals("chat.completion.chunk", chunk.get("object").asText());
        assertEquals(ScriptedGateway.DESTINATION, chunk.get("model").asText(), "the destination, not the model asked");
        assertEquals(created, chunk.get("created").asLong());
    }

    @Test
    void sendsRoleThenEachPieceThenFinishThenUsageThenDone() {
        HttpResponse<String> response = server.send(server.chat(WITH_USAGE));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> events = events(response.body());
        assertEquals(7, events.size(), response.body());
        List<JsonNode> chunks = events.subList(0, 6).stream().map(OpenAiAssertions::json).toList();
        long created = chunks.getFirst().get("created").asLong();
        chunks.forEach(chunk -> assertChunk(chunk, created));

        JsonNode role = chunks.getFirst().get("choices").get(0);
        assertEquals("{\"role\":\"assistant\"}", role.get("delta").toString());
        assertTrue(role.get("finish_reason").isNull(), "finish_reason is present and null until the end");
        for (int i = 0; i < ScriptedGateway.PIECES.size(); i++) {
            JsonNode piece = chunks.get(1 + i).get("choices").get(0);
            assertEquals(ScriptedGateway.PIECES.get(i), piece.get("delta").get("content").asText());
            assertTrue(piece.get("finish_reason").isNull());
        }
        JsonNode finish = chunks.get(4);
        assertEquals("{}", finish.get("choices").get(0).get("delta").toString());
        assertEquals("stop", finish.get("choices").get(0).get("finish_reason").asText());
        assertEquals(ScriptedGateway.DECISION_ID, finish.get("tollgate").get("decision_id").asText());
        assertTrue(finish.get("tollgate").get("human_oversight").asBoolean());
        JsonNode usage = chunks.get(5);
        assertEquals(0, usage.get("choices").size());
        assertEquals(28, usage.get("usage").get("total_tokens").asInt());
        assertEquals(21, usage.get("usage").get("prompt_tokens").asInt());
        assertEquals("[DONE]", events.get(6));
    }

    @Test
    void withoutIncludeUsageNoChunkCarriesUsage() {
        HttpResponse<String> response = server.send(server.chat(STREAM + "}"));
        List<String> events = events(response.body());
        assertEquals(6, events.size(), response.body());
        assertEquals("[DONE]", events.getLast());
        assertTrue(events.stream().noneMatch(e -> e.contains("\"usage\"")), response.body());
    }

    @Test
    void decisionHeadersArriveWithTheStream() {
        HttpResponse<String> response = server.send(server.chat(WITH_USAGE));
        assertEquals(ScriptedGateway.DECISION_ID, response.headers().firstValue("X-Tollgate-Decision-Id").orElse(""));
        assertEquals("slm-local", response.headers().firstValue("X-Tollgate-Route").orElse(""));
        assertEquals("cascade", response.headers().firstValue("X-Tollgate-Strategy").orElse(""));
    }

    @Test
    void aRequiredDisclosureArrivesAsAHeaderOfTheStreamLikeOfAPlainAnswer() {
        server.gateway.allow(ScriptedGateway.execution("You are chatting with an AI.", "stop"));
        HttpResponse<String> response = server.send(server.chat(WITH_USAGE));
        assertEquals("You are chatting with an AI.",
                response.headers().firstValue("X-Tollgate-AI-Disclosure").orElse(""));
    }

    @Test
    void eachPieceReachesTheClientBeforeTheNextIsGenerated() {
        CountDownLatch firstPieceSeen = new CountDownLatch(1);
        server.gateway.holdAfterFirstPiece(firstPieceSeen);
        HttpResponse<Stream<String>> response = server.send(server.chat(WITH_USAGE),
                HttpResponse.BodyHandlers.ofLines());
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.filter(line -> !line.isEmpty()).iterator();
            while (it.hasNext()) {
                String line = it.next();
                data.add(line);
                if (line.contains(ScriptedGateway.PIECES.getFirst())) {
                    // The gateway generates nothing more until the client has read the first piece.
                    firstPieceSeen.countDown();
                }
            }
        }
        assertEquals(0, firstPieceSeen.getCount(), "the first piece was never seen: " + data);
        assertEquals("data: [DONE]", data.getLast(), "the stream completed: " + data);
    }

    @Test
    void aDeniedStreamIsAnOrdinary403() {
        server.gateway.deny("residency.eu-only");
        HttpResponse<String> response = server.send(server.chat(WITH_USAGE));
        JsonNode error = assertOpenAiError(response, 403, "permission_error", "policy_denied");
        assertTrue(error.get("message").asText().contains("residency.eu-only"));
        assertEquals(ScriptedGateway.DECISION_ID, response.headers().firstValue("X-Tollgate-Decision-Id").orElse(""));
    }

    @Test
    void aFailureBeforeTheDecisionIsAnOrdinaryError() {
        server.gateway.fail(new Refusal(Refusal.Kind.DECISION_LOG_UNAVAILABLE, "retry later"), false);
        assertOpenAiError(server.send(server.chat(WITH_USAGE)), 503, "server_error", "decision_log_unavailable");
    }

    @Test
    void aFailureAfterTheStreamOpenedEndsItWithAnErrorEventAndNoDone() {
        server.gateway.fail(new Refusal(Refusal.Kind.DESTINATION_BAD_RESPONSE,
                "The destination gave no valid answer"), true);
        HttpResponse<String> response = server.send(server.chat(WITH_USAGE));
        assertEquals(200, response.statusCode(), "the status was sent with the stream");
        List<String> events = events(response.body());
        assertEquals(2, events.size(), response.body());
        assertEquals("assistant", json(events.get(0)).get("choices").get(0).get("delta").get("role").asText());
        JsonNode error = json(events.get(1)).get("error");
        assertEquals("server_error", error.get("type").asText());
        assertEquals("destination_bad_response", error.get("code").asText());
        assertEquals("The destination gave no valid answer", error.get("message").asText());
        assertTrue(server.metrics.scrape().contains("status=\"502\""), "the failure is counted");
    }
}
