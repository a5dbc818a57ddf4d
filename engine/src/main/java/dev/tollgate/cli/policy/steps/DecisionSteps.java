package dev.tollgate.cli.policy.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.decision.Combiner;
import dev.tollgate.cli.policy.ScenarioService;
import io.cucumber.java.en.And;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.tollgate.cli.policy.steps.Expect.assertEquals;
import static dev.tollgate.cli.policy.steps.Expect.assertFalse;
import static dev.tollgate.cli.policy.steps.Expect.assertTrue;

/** Steps in a compliance officer's words, each one a real HTTP call or an assertion on its answer. */
public class DecisionSteps {
    private static final Map<String, String> APPLICATION_KEYS = Map.of(
            "claims assistant", "demo-claims-assistant",
            "credit advisor", "demo-credit-advisor",
            "emotion monitor", "demo-emotion-monitor",
            "support bot", "demo-support-bot",
            "travel insurer", "demo-travel-insurer",
            "shop assistant", "demo-shop-assistant",
            "bank assistant", "demo-bank-assistant",
            "hotline assistant", "demo-hotline-assistant",
            "hotline agent", "demo-hotline-agent");
    private static final Map<String, String> PUBLIC_KEYS = Map.of("claims assistant", "demo-claims-assistant-public");
    private static final Map<String, String> COUNTRIES = Map.of(
            "Germany", "DE", "France", "FR", "Spain", "ES", "Italy", "IT", "the United States", "US",
            "Ireland", "IE", "the United Kingdom", "GB");
    private static final Map<String, Sample> SAMPLES = Map.of(
            "a diagnosis of a patient in Germany", new Sample("summarize", "DE",
                    "Der Patient Hans Müller wurde mit Diabetes Typ 2 diagnostiziert und erhält Metformin."),
            "a French customer's name, IBAN and phone number", new Sample("summarize", "FR",
                    "Bonjour, je m'appelle Camille Martin, mon IBAN est FR14 2004 1010 0505 0001 3M02 606 "
                            + "et mon numéro est +33 6 12 34 56 78."));
    private static final Map<String, String> MODELS = Map.of("the on-device model", "slm-local");

    private String apiKey;
    private String task = "faq";
    private String country;
    private String text;
    private final List<String> hintCategories = new ArrayList<>();
    private int latencyBudgetMs;
    private JsonNode decision;
    private HttpResponse<String> refusal;

    record Sample(String task, String country, String text) {
    }

    /**
     * The service the scenarios talk to, started by `tollgate policy test` or by the engine hooks of the suite that
     * runs them (dev.tollgate.features.engines.*): the same scenarios run once per engine.
     */
    private static ScenarioService service;
    private static String engine;

    /** @param deciding the one engine ("drools" or "rego") whose version every decision must carry */
    public static void use(ScenarioService running, String deciding) {
        service = running;
        engine = deciding;
    }

    @Given("a request from the {word} {word}")
    public void aRequestFrom(String first, String second) {
        String name = first + " " + second;
        apiKey = APPLICATION_KEYS.get(name);
        assertTrue(apiKey != null, "no demo application called the " + name);
    }

    @Given("a request from the {word} {word} on behalf of a member of the public")
    public void aRequestFromThePublic(String first, String second) {
        String name = first + " " + second;
        apiKey = PUBLIC_KEYS.get(name);
        assertTrue(apiKey != null, "no key of the " + name + " is bound to the role public");
    }

    @Given("a request from the {word} {word} containing {}")
    public void aRequestContaining(String first, String second, String sample) {
        aRequestFrom(first, second);
        Sample s = SAMPLES.get(sample);
        assertTrue(s != null, "no sample text for: " + sample);
        task = s.task();
        country = s.country();
        text = s.text();
    }

    @And("the task is {string}")
    public void theTaskIs(String type) {
        task = type;
    }

    @And("the data subject is in {}")
    public void theSubjectIsIn(String name) {
        country = COUNTRIES.get(name);
        assertTrue(country != null, "unknown country name: " + name);
    }

    @And("the data subject's country is unknown")
    public void theSubjectCountryIsUnknown() {
        country = null;
    }

    @And("the client declares the category {string}")
    public void theClientDeclares(String category) {
        hintCategories.add(category);
    }

    @And("the text says {string}")
    public void theTextSays(String content) {
        text = content;
    }

    @And("the text is {int} tokens of plain office prose")
    public void plainProse(int tokens) {
        text = PlainProse.ofTokens(tokens);
    }

    @And("the text says {string} followed by {int} tokens of plain office prose")
    public void textFollowedByProse(String content, int tokens) {
        text = content + " " + PlainProse.ofTokens(tokens);
    }

    @And("the latency budget is {int} ms")
    public void latencyBudget(int ms) {
        latencyBudgetMs = ms;
    }

    private ObjectNode body() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("task").put("type", task);
        if (country != null) {
            body.putObject("subject").put("country", country);
        }
        body.putObject("input").putArray("messages").addObject().put("role", "user").put("content", text);
        if (!hintCategories.isEmpty() || latencyBudgetMs > 0) {
            ObjectNode hints = body.putObject("hints");
            hintCategories.forEach(hints.putArray("categories")::add);
            if (latencyBudgetMs > 0) {
                hints.put("max_latency_ms", latencyBudgetMs);
            }
        }
        return body;
    }

    @When("the application asks for a decision saying the user's role is {string}")
    public void askNamingARole(String role) throws Exception {
        ObjectNode body = body();
        body.putObject("user").put("role", role);
        refusal = service.decide(apiKey, Json.MAPPER.writeValueAsString(body));
    }

    @Then("the request is refused because the role comes from the API key")
    public void refusedForTheRole() throws Exception {
        assertEquals(422, refusal.statusCode(), refusal.body());
        JsonNode problem = Json.MAPPER.readTree(refusal.body());
        assertTrue(stream(problem.path("errors")).anyMatch(e -> e.path("pointer").asText().equals("/user/role")
                && e.path("detail").asText().contains("the role comes from the API key")), problem.toPrettyString());
    }

    @When("the application asks for a decision")
    public void askForDecision() throws Exception {
        HttpResponse<String> response = service.decide(apiKey, Json.MAPPER.writeValueAsString(body()));
        assertEquals(200, response.statusCode(), response.body());
        decision = Json.MAPPER.readTree(response.body());
        assertEquals(List.of(engine), Json.MAPPER.convertValue(decision.get("policy_version"), Map.class)
                .keySet().stream().toList(), "decided by the wrong engine");
        // Besides the engine under test, only the combiner itself may give reasons (e.g. tollgate.context-limit).
        assertTrue(stream(decision.get("reasons")).map(r -> r.get("engine").asText())
                        .allMatch(e -> e.equals(engine) || e.equals(Combiner.ENGINE)),
                "a reason from another engine: " + decision.get("reasons"));
    }

    @Then("the request is allowed")
    public void allowed() {
        assertEquals("allow", decision.get("effect").asText(), decision.toPrettyString());
    }

    @Then("the request is denied")
    public void denied() {
        assertEquals("deny", decision.get("effect").asText(), decision.toPrettyString());
        assertFalse(decision.has("route"), "a denied request has no route");
        assertFalse(decision.has("token"), "a denied request has no token to execute");
    }

    @Then("it is routed to {}")
    public void routedTo(String model) {
        String destination = MODELS.getOrDefault(model, model.replace("\"", ""));
        assertEquals(destination, decision.path("route").path("destination").asText(), decision.toPrettyString());
    }

    @Then("the route was chosen by {string}")
    public void routedBy(String rule) {
        assertEquals(rule, decision.path("route").path("routed_by").asText(), decision.toPrettyString());
    }

    @Then("the cloud model takes over when the on-device model's confidence is below {double}")
    public void cascadesBelow(double confidence) {
        JsonNode route = decision.path("route");
        assertEquals("cascade", route.path("strategy").asText(), decision.toPrettyString());
        assertEquals(confidence, route.path("escalate_below").asDouble(-1), 1e-9, decision.toPrettyString());
    }

    @Then("the on-device model samples {int} more answers and the cloud model takes over when they agree less than {double}")
    public void checksConsistency(int samples, double agreement) {
        JsonNode check = decision.path("route").path("consistency");
        assertEquals(samples, check.path("samples").asInt(), decision.toPrettyString());
        assertEquals(agreement, check.path("escalate_below").asDouble(-1), 1e-9, decision.toPrettyString());
    }

    @Then("the on-device model drafts and the cloud model checks the draft")
    public void draftAndVerify() {
        assertEquals("draft_verify", decision.path("route").path("strategy").asText(), decision.toPrettyString());
    }

    @Then("that model answers alone")
    public void answersAlone() {
        JsonNode route = decision.path("route");
        assertEquals("static", route.path("strategy").asText(), decision.toPrettyString());
        assertFalse(route.hasNonNull("escalate_below"), decision.toPrettyString());
    }

    @Then("{string} is masked before the request goes on to the cloud model")
    public void maskedForTheCloudLeg(String entity) {
        assertTrue(masks(entity).anyMatch(o -> o.path("applies_to").asText().equals("cloud")),
                "no mask obligation for " + entity + " on the cloud leg: " + decision.get("obligations"));
    }

    @Then("the on-device model may see {string} unmasked")
    public void unmaskedOnDevice(String entity) {
        assertFalse(masks(entity).anyMatch(o -> !o.has("applies_to")),
                entity + " is masked on the whole route: " + decision.get("obligations"));
    }

    @Then("a reason cites {string}")
    public void aReasonCites(String basis) {
        assertTrue(stream(decision.get("reasons")).anyMatch(r -> r.get("basis").asText().contains(basis)),
                "no reason cites " + basis + ": " + decision.get("reasons"));
    }

    @Then("the rule {string} is among the reasons")
    public void ruleAmongReasons(String rule) {
        assertTrue(stream(decision.get("reasons")).anyMatch(r -> r.get("rule").asText().equals(rule)),
                "rule " + rule + " not among " + decision.get("reasons"));
    }

    @Then("the rule {string} is not among the reasons")
    public void ruleNotAmongReasons(String rule) {
        assertFalse(stream(decision.get("reasons")).anyMatch(r -> r.get("rule").asText().equals(rule)),
                "rule " + rule + " among " + decision.get("reasons"));
    }

    @Then("the obligations include masking {string}")
    public void masking(String entity) {
        assertTrue(masks(entity).findAny().isPresent(), "no mask obligation for " + entity + ": " + decision.get("obligations"));
    }

    private java.util.stream.Stream<JsonNode> masks(String entity) {
        return stream(decision.get("obligations")).filter(o -> o.get("type").asText().equals("mask")
                && stream(o.path("entities")).anyMatch(e -> e.asText().equals(entity)));
    }

    @Then("the obligations include {string}")
    public void obligation(String type) {
        assertTrue(stream(decision.get("obligations")).anyMatch(o -> o.get("type").asText().equals(type)),
                "no " + type + " obligation: " + decision.get("obligations"));
    }

    @Then("the destination {string} is not permitted")
    public void notPermitted(String destination) {
        assertFalse(stream(decision.path("permitted_destinations")).anyMatch(d -> d.asText().equals(destination)),
                destination + " is permitted: " + decision.toPrettyString());
    }

    @Then("the destination {string} is permitted")
    public void permitted(String destination) {
        assertTrue(stream(decision.path("permitted_destinations")).anyMatch(d -> d.asText().equals(destination)),
                destination + " is not permitted: " + decision.toPrettyString());
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
