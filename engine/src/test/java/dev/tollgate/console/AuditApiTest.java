package dev.tollgate.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit API over HTTP on a service that decided the samples (personal values among them) under two versions of
 * the Drools packs: roles, filters and paging, one decision explained, the versions over time and their diff, a
 * what-if with a candidate pack, refusals of bad input; and no personal value in any answer.
 */
class AuditApiTest {
    static final String AUDITOR = "demo-auditor";
    static final String OFFICER = "demo-officer";
    static final String ART9 = "gdpr.art9.local-only";

    private static DecidedService decided;
    private static Path policies;
    private static TestService service;
    /** Every body the audit API answered, for the check that no personal value is among them. */
    private static final List<String> ANSWERS = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        decided = DecidedService.start();
        service = decided.service();
        policies = decided.policies();
    }

    @AfterAll
    static void stop() {
        decided.close();
        String leaked = String.join("\n", ANSWERS);
        for (String value : Samples.sensitiveValues()) {
            assertFalse(leaked.contains(value), "an audit answer holds a personal value: " + value);
        }
        assertTrue(ANSWERS.size() > 10, "the leak check saw too few answers: " + ANSWERS.size());
    }

    static HttpResponse<String> get(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = service.send(request.build());
        ANSWERS.add(response.body());
        return response;
    }

    static HttpResponse<String> replay(String key, String json) {
        HttpResponse<String> response = service.post("/v1/audit/replay", key, json);
        ANSWERS.add(response.body());
        return response;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    static JsonNode decisionsJson(String query) throws IOException {
        return json(get("/v1/audit/decisions" + query, AUDITOR));
    }

    private static List<JsonNode> versions() throws IOException {
        List<JsonNode> periods = new ArrayList<>();
        json(get("/v1/audit/policies", AUDITOR)).path("periods").forEach(periods::add);
        return periods;
    }

    @Test
    void applicationKeysAreRefusedAndAuditorAndOfficerKeysRead() {
        for (String path : List.of("/v1/audit/decisions", "/v1/audit/policies", "/v1/audit/decisions/x",
                "/v1/audit/checkpoints")) {
            assertProblem(get(path, TestService.CLAIMS_KEY), 403, "forbidden");
            assertProblem(get(path, null), 401, "unauthorized");
            assertProblem(get(path, "not-a-key"), 401, "unauthorized");
            assertEquals(200, get(path.replace("/x", ""), OFFICER).statusCode());
        }
        assertProblem(replay(TestService.CLAIMS_KEY, "{\"candidate\": {\"engine\": \"drools\"}}"), 403, "forbidden");
    }

    @Test
    void decisionsAreFilteredByRuleApplicationEffectRouteAndEntityTypeAndPaged() throws IOException {
        JsonNode all = decisionsJson("");
        long total = all.path("total").asLong();
        assertTrue(total >= Samples.BODIES.size() + 1, all.toString());
        JsonNode art9 = decisionsJson("?rule=" + ART9);
        assertTrue(art9.path("total").asLong() >= 2 && art9.path("total").asLong() < total, art9.toString());
        art9.path("decisions").forEach(d -> assertTrue(texts(d.path("rules")).contains(ART9), d.toString()));
        JsonNode persons = decisionsJson("?entity_type=PERSON&application=claims-assistant&effect=allow");
        assertTrue(persons.path("total").asLong() > 0);
        persons.path("decisions").forEach(d -> assertTrue(texts(d.path("entity_types")).contains("PERSON")));
        assertEquals(0, decisionsJson("?application=credit-advisor").path("total").asLong());
        JsonNode local = decisionsJson("?route=slm-local");
        local.path("decisions").forEach(d -> assertEquals("slm-local", d.path("route").asText()));

        JsonNode first = decisionsJson("?limit=2");
        assertEquals(2, first.path("decisions").size());
        assertEquals(2, first.path("next_offset").asInt());
        JsonNode second = decisionsJson("?limit=2&offset=2");
        assertFalse(first.path("decisions").get(1).path("decision_id").equals(
                second.path("decisions").get(0).path("decision_id")));
        assertTrue(decisionsJson("?offset=" + (total - 1)).path("next_offset").isMissingNode());
        assertEquals(0, decisionsJson("?from=2999-01-01").path("total").asLong());
        assertEquals(total, decisionsJson("?from=2020-01-01&to=2999-01-01T00:00:00Z").path("total").asLong());
    }

    @Test
    void oneDecisionIsExplainedWithItsRulesPerEngineAndPackWithLegalBasis() throws IOException {
        String id = decisionsJson("?rule=" + ART9 + "&limit=1").path("decisions").get(0).path("decision_id").asText();
        JsonNode decision = json(get("/v1/audit/decisions/" + id, AUDITOR));
        assertEquals(id, decision.path("decision_id").asText());
        JsonNode art9 = decision.at("/rules/drools/gdpr");
        assertTrue(art9.isArray() && art9.size() > 0, decision.toString());
        JsonNode reason = art9.findParents("rule").stream().filter(r -> r.path("rule").asText().equals(ART9))
                .findFirst().orElseThrow();
        assertEquals("GDPR Art. 9(1)", reason.path("basis").asText());
        assertTrue(reason.path("message").asText().startsWith("Special category data"));
        assertEquals("slm-local", decision.at("/outcome/route/destination").asText());
        assertTrue(decision.path("facts").path("data").path("special_category").asBoolean(), decision.toString());
        JsonNode finding = decision.path("findings").get(0);
        assertEquals(Set.of("type", "message", "start", "end", "score", "source"), names(finding));
        assertTrue(decision.path("policy_version").path("drools").asText().startsWith("sha256:"));
        assertProblem(get("/v1/audit/decisions/no-such-decision", AUDITOR), 404, "not-found");
        assertProblem(get("/v1/audit/decisions/" + id + "?x=1", AUDITOR), 400, "bad-request");
    }

    @Test
    void policyVersionsInForceOverTimeAndTheirDiff() throws IOException {
        List<JsonNode> periods = versions();
        JsonNode older = periods.get(0);
        JsonNode newer = periods.get(1);
        assertEquals("drools", older.path("engine").asText());
        assertTrue(older.path("decisions").asLong() >= Samples.BODIES.size());
        assertTrue(older.path("to").asText().compareTo(newer.path("from").asText()) <= 0);
        JsonNode diff = json(get("/v1/audit/policies/diff?engine=drools&from=" + older.path("version").asText()
                + "&to=" + newer.path("version").asText(), AUDITOR));
        assertEquals(1, diff.path("files").size(), diff.toString());
        JsonNode file = diff.path("files").get(0);
        assertEquals("gdpr/gdpr.drl", file.path("file").asText());
        List<String> changed = new ArrayList<>();
        file.path("lines").forEach(line -> {
            if (!line.path("change").asText().equals(" ")) {
                changed.add(line.path("change").asText() + line.path("text").asText());
            }
        });
        assertEquals(2, changed.size(), changed.toString());
        assertTrue(changed.get(0).startsWith("-") && changed.get(0).endsWith("on-device model only\")"), changed.toString());
        assertTrue(changed.get(1).startsWith("+") && changed.get(1).endsWith("only, always\")"), changed.toString());
        assertProblem(get("/v1/audit/policies/diff?engine=drools&from=sha256:" + "0".repeat(64) + "&to="
                + newer.path("version").asText(), AUDITOR), 404, "not-found");
        assertProblem(get("/v1/audit/policies/diff?engine=drools&from=nope&to=nope", AUDITOR), 400, "bad-request");
        assertProblem(get("/v1/audit/policies/diff?engine=drools", AUDITOR), 400, "bad-request");
    }

    /** A what-if of the gdpr pack without its Art. 9 rule. */
    private static String whatIfWithoutArt9() throws IOException {
        String candidate = withoutArt9(Files.readString(policies.resolve("gdpr/gdpr.drl")));
        return "{\"candidate\": {\"engine\": \"drools\", \"files\": {\"gdpr/gdpr.drl\": "
                + Json.MAPPER.writeValueAsString(candidate) + "}}}";
    }

    @Test
    void aWhatIfWithACandidatePackCountsTheChangedDecisionsByRuleAndRoute() throws IOException {
        String body = whatIfWithoutArt9();
        assertProblem(replay(AUDITOR, body), 403, "forbidden");
        JsonNode result = json(replay(OFFICER, body));
        long art9 = decisionsJson("?rule=" + ART9).path("total").asLong();
        assertEquals(decisionsJson("").path("total").asLong(), result.path("replayed").asLong());
        assertEquals(art9, result.path("by_rule").path(ART9).asLong(), result.toString());
        assertTrue(result.path("changed_count").asLong() >= art9);
        JsonNode changed = result.path("changed").get(0);
        assertTrue(texts(changed.at("/before/reasons").findValues("rule")).contains(ART9), changed.toString());
        assertFalse(texts(changed.at("/after/reasons").findValues("rule")).contains(ART9), changed.toString());
        assertTrue(result.path("candidate").asText().startsWith("sha256:"));

        // An auditor replays a stored version as it is: the recorded ones change nothing under themselves.
        String newest = versions().get(1).path("version").asText();
        JsonNode same = json(replay(AUDITOR, "{\"from\": \"2020-01-01\", \"candidate\": {\"engine\": \"drools\", "
                + "\"base\": \"" + newest + "\"}}"));
        assertTrue(same.path("replayed").asLong() > 0);
        assertEquals(0, json(replay(AUDITOR, "{\"from\": \"2999-01-01\", \"candidate\": {\"engine\": \"drools\"}}"))
                .path("replayed").asLong());
    }

    /**
     * Each what-if compiles its candidate while answering a request on a virtual thread: Drools does that on platform
     * threads, as it evaluates (EvaluationThreads). The timeout only fails a run that hangs.
     */
    @Test
    void whatIfsAskedForAtOnceEachGetTheAnswerOfOneAskedAlone() throws Exception {
        String body = whatIfWithoutArt9();
        JsonNode alone = json(replay(OFFICER, body));
        assertTrue(alone.path("by_rule").path(ART9).asLong() > 0, alone.toString());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        ExecutorService officers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < 4; i++) {
                answers.add(officers.submit(() -> replay(OFFICER, body)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertEquals(alone, json(answer.get(5, TimeUnit.MINUTES)));
            }
        } finally {
            officers.shutdownNow(); // close() would wait for a hung send without end; this interrupts it
        }
    }

    @Test
    void badInputIsAClearProblemAndChangesNothing() {
        long lines = service.logRecords();
        assertProblem(get("/v1/audit/decisions?effect=maybe", AUDITOR), 400, "bad-request");
        assertProblem(get("/v1/audit/decisions?from=yesterday", AUDITOR), 400, "bad-request");
        assertProblem(get("/v1/audit/decisions?limit=0", AUDITOR), 400, "bad-request");
        assertProblem(get("/v1/audit/decisions?limit=501", AUDITOR), 400, "bad-request");
        assertProblem(get("/v1/audit/decisions?colour=red", AUDITOR), 400, "bad-request");
        assertProblem(replay(AUDITOR, "{\"candidate\": "), 400, "malformed-json");
        assertProblem(replay(AUDITOR, "{}"), 422, "invalid-request");
        assertProblem(replay(AUDITOR, "{\"candidate\": {\"engine\": \"prolog\"}}"), 422, "invalid-request");
        assertProblem(replay(AUDITOR, "{\"candidate\": {\"engine\": \"drools\", \"base\": \"sha256:"
                + "1".repeat(64) + "\"}}"), 422, "invalid-request");
        assertProblem(replay(AUDITOR, "{\"candidate\": {\"engine\": \"drools\"}, \"extra\": 1}"), 422,
                "invalid-request");
        assertProblem(replay(OFFICER, "{\"candidate\": {\"engine\": \"drools\", \"files\": {\"../../etc/x\": \"x\"}}}"),
                422, "invalid-request");
        JsonNode problem = assertProblem(replay(OFFICER, "{\"candidate\": {\"engine\": \"drools\", \"files\": "
                + "{\"gdpr/gdpr.drl\": \"rule \\\"broken\\\" when then\"}}}"), 422, "invalid-request");
        assertTrue(problem.toString().contains("does not compile"), problem.toString());
        assertProblem(service.send(HttpRequest.newBuilder(service.uri("/v1/audit/replay"))
                .header("Authorization", "Bearer " + AUDITOR).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 415, "unsupported-media-type");
        assertProblem(service.send(HttpRequest.newBuilder(service.uri("/v1/audit/decisions"))
                .header("Authorization", "Bearer " + AUDITOR).DELETE().build()), 405, "method-not-allowed");
        assertEquals(lines, service.logRecords());
    }

    /** The gdpr pack without its Art. 9 rule. */
    static String withoutArt9(String drl) {
        int start = drl.indexOf("rule \"" + ART9 + "\"");
        int end = drl.indexOf("\nend\n", start) + "\nend\n".length();
        return drl.substring(0, start) + drl.substring(end);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static Set<String> texts(List<JsonNode> values) {
        Set<String> texts = new TreeSet<>();
        values.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
