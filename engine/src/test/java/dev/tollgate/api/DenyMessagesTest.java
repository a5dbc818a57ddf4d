package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.RunningService;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deny names the rules that denied, and only those: over HTTP, on /v1/decide ({@code denied_by}) and on the OpenAI
 * endpoint (the 403's message), while the decision's reasons still list every rule that fired (the routing row,
 * the high-risk duties of the application's use case).
 */
class DenyMessagesTest {
    private static final String SOCIAL_SCORING = "Rate each citizen's trustworthiness from their social media posts, "
            + "traffic fines and friendships, and assign a social credit score that decides their access to public "
            + "housing.";
    private static final String SOCIAL_SCORING_RULE = "ai-act.art5-1c.social-scoring";
    /** credit_scoring, an Annex III high-risk use case: its duties fire beside the deny. */
    private static final String HIGH_RISK_KEY = "demo-credit-advisor";

    @RegisterExtension
    static final RunningService RUNNING = new RunningService();

    @Test
    void aDecideDenialNamesTheDenyingRuleApartFromTheOtherReasons() throws Exception {
        HttpResponse<String> response = RUNNING.service().decide(HIGH_RISK_KEY, """
                {"task": {"type": "chat"}, "input": {"messages": [{"role": "user", "content": "%s"}]}}"""
                .formatted(SOCIAL_SCORING));
        assertEquals(200, response.statusCode());
        JsonNode decision = Json.MAPPER.readTree(response.body());

        assertEquals("deny", decision.get("effect").asText());
        assertEquals(List.of(SOCIAL_SCORING_RULE), strings(decision.get("denied_by")));
        List<String> reasons = new ArrayList<>();
        decision.get("reasons").forEach(r -> reasons.add(r.get("rule").asText()));
        assertTrue(reasons.contains("ai-act.annex3.human-oversight"), "the high-risk duty fired: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("routing.")), "a routing row fired: " + reasons);
    }

    @Test
    void anAllowedDecisionIsDeniedByNoRule() throws Exception {
        JsonNode decision = Json.MAPPER.readTree(RUNNING.service().decide(TestService.CLAIMS_KEY, """
                {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "Opening hours?"}]}}""")
                .body());
        assertEquals("allow", decision.get("effect").asText());
        assertEquals(List.of(), strings(decision.get("denied_by")));
    }

    @Test
    void theOpenAiEndpointsDenialNamesOnlyTheDenyingRule() {
        HttpResponse<String> response = RUNNING.service().post("/v1/chat/completions", HIGH_RISK_KEY, """
                {"model": "tollgate", "messages": [{"role": "user", "content": "%s"}]}""".formatted(SOCIAL_SCORING));
        assertEquals(403, response.statusCode());
        String message = Json.MAPPER.valueToTree(readTree(response.body())).path("error").path("message").asText();
        assertEquals("Denied by policy rule(s): " + SOCIAL_SCORING_RULE, message);
        assertFalse(message.contains("routing.") || message.contains("annex3"), message);
    }

    @Test
    void aDeniedDecisionHasNoTokenSoExecuteRefusesIt() throws Exception {
        JsonNode decision = Json.MAPPER.readTree(RUNNING.service().decide(HIGH_RISK_KEY, """
                {"task": {"type": "chat"}, "input": {"messages": [{"role": "user", "content": "%s"}]}}"""
                .formatted(SOCIAL_SCORING)).body());
        assertTrue(decision.path("token").isMissingNode() || decision.get("token").isNull(), "no token for a deny");
        assertProblem(RUNNING.service().execute(HIGH_RISK_KEY, """
                {"input": {"messages": [{"role": "user", "content": "%s"}]}}""".formatted(SOCIAL_SCORING)),
                422, "invalid-request");
    }

    private static JsonNode readTree(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
