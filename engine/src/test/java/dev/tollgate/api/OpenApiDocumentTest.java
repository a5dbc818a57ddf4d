package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.Json;
import dev.tollgate.api.openai.ModelsHandler;
import dev.tollgate.api.openai.OpenAiRoutes;
import dev.tollgate.audit.CheckpointFile;
import dev.tollgate.console.AuditApi;
import dev.tollgate.audit.CheckpointKey;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.terms.Refusal;
import dev.tollgate.testing.Command;
import dev.tollgate.testing.TestService;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The served API description is a valid OpenAPI document (openapi-spec-validator, as client generators need it),
 * the same as YAML and as JSON, and describes every route the service has and every problem kind it answers, the
 * review endpoints and the held execution among them.
 */
class OpenApiDocumentTest {
    private static TestService service;
    private static JsonNode document;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        service = TestService.start(TestService.POLICIES, List.of("drools"));
        document = new YAMLMapper().readTree(service.get("/openapi.yaml").body());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theServedDocumentPassesOpenApiSpecValidatorAsYamlAndAsJson() throws Exception {
        Path validator = Command.lintTools().resolve("openapi-spec-validator");
        for (String name : List.of("openapi.yaml", "openapi.json")) {
            HttpResponse<String> served = service.get("/" + name);
            assertEquals(200, served.statusCode());
            Path file = dir.resolve(name);
            Files.writeString(file, served.body());
            Command check = Command.run(List.of(validator.toString(), file.toString()));
            assertEquals(0, check.exit(), check.output());
            assertEquals(file + ": OK", check.output().strip());
        }
    }

    @Test
    void jsonAndYamlCarryTheSameDocument() throws Exception {
        HttpResponse<String> json = service.get("/openapi.json");
        assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(document, Json.MAPPER.readTree(json.body()));
        assertEquals("application/yaml", service.get("/openapi.yaml").headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> negotiated = service.send(HttpRequest.newBuilder(service.uri("/openapi"))
                .header("Accept", "application/json").GET().build());
        assertEquals(document, Json.MAPPER.readTree(negotiated.body()));
        assertEquals(document, new YAMLMapper().readTree(service.get("/openapi").body()));
    }

    /** Each route as HttpApi and OpenAiRoutes register it: method (or "any") and path. */
    private record Route(String method, String path) {
    }

    @Test
    void everyRouteIsDescribedAndEveryDescribedPathIsRouted() throws Exception {
        List<Route> routes = new ArrayList<>();
        HttpRouting.Builder routing = recording(HttpRouting.Builder.class, "", routes);
        ApplicationRegistry registry = new ApplicationRegistry(List.of());
        StaffKeys staff = new StaffKeys(List.of(), List.of(), registry);
        new CheckpointsHandler(staff, new CheckpointFile(dir.resolve("checkpoints.jsonl")),
                CheckpointKey.load(Optional.empty(), dir.resolve("signing.pem"))).register(routing);
        new AuditApi(staff, null, null).register(routing);
        OpenAiRoutes.register(routing, null, new ModelsHandler(registry, new ServiceMetrics(), List.of()));
        HttpApi.routing(routing, null, null, null, new HealthHandler(Map.of(), null, Map.of(), null), new ServiceMetrics(),
                null, new ReviewHandler(registry, null, 1024), null);
        assertTrue(routes.size() > 15, routes.toString());
        JsonNode paths = document.get("paths");
        for (Route route : routes) {
            JsonNode described = paths.get(route.path());
            assertTrue(described != null, "not in the OpenAPI document: " + route);
            if (route.method().equals("any")) {
                // Routed for every method so that the others get 405: the document must say so.
                assertTrue(described.findParents("405").size() > 0, "no 405 described for " + route);
            } else {
                assertTrue(described.has(route.method()), "not in the OpenAPI document: " + route);
            }
        }
        Set<String> routed = routes.stream().map(Route::path).collect(Collectors.toSet());
        paths.fieldNames().forEachRemaining(path -> assertTrue(routed.contains(path), "described, not routed: " + path));
    }

    @Test
    void everyProblemKindIsDescribed() {
        Set<String> described = new TreeSet<>();
        document.at("/components/schemas/Problem/properties/type/enum").forEach(type -> described.add(type.asText()));
        Set<String> answered = Stream.concat(Arrays.stream(HttpProblem.values()).map(HttpProblem::wire),
                        Arrays.stream(Refusal.Kind.values()).map(Refusal.Kind::wire))
                .map(kind -> Problem.TYPE_BASE + kind).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(answered, described);
        String description = document.at("/info/description").asText();
        answered.forEach(type -> assertTrue(description.contains(type.substring(Problem.TYPE_BASE.length())),
                "the introduction does not explain " + type));
    }

    @Test
    void theReviewEndpointsAndTheHeldExecutionAreDescribed() {
        JsonNode reviews = document.at("/paths/~1v1~1reviews~1{id}");
        assertEquals(Set.of("200", "401", "404"), names(reviews.at("/get/responses")));
        assertTrue(names(reviews.at("/post/responses")).containsAll(Set.of("200", "400", "403", "404", "409")));
        assertTrue(document.at("/paths/~1v1~1execute/post/responses/202").isObject());
        assertEquals(List.of("approve", "reject"),
                texts(document.at("/components/schemas/ReviewVerdict/properties/verdict/enum")));
        assertTrue(document.at("/components/schemas/Execution/properties/review").isObject());
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    /**
     * A routing builder (or the rules of a service registered on it) that records each route under {@code prefix};
     * a registered service records its own routes under its path.
     */
    private static <T extends HttpRules> T recording(Class<T> type, String prefix, List<Route> routes) {
        Set<String> methods = Set.of("get", "post", "put", "delete", "head", "options", "trace", "patch", "any");
        Object recorder = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            String name = method.getName();
            if (args != null && args.length > 0 && args[0] instanceof String path) {
                String full = (prefix + path).replaceAll("(.)/$", "$1");
                if (methods.contains(name)) {
                    routes.add(new Route(name, full));
                } else if (name.equals("register")) {
                    for (HttpService registered : (HttpService[]) args[1]) {
                        registered.routing(recording(HttpRules.class, full, routes));
                    }
                }
            }
            return method.getReturnType().isInstance(proxy) ? proxy : null;
        });
        return type.cast(recorder);
    }
}
