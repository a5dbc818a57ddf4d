package dev.tollgate.api.openai;

import dev.tollgate.api.HttpProblem;
import dev.tollgate.api.ProblemException;
import dev.tollgate.api.RequestGuard;
import dev.tollgate.api.Responses;
import dev.tollgate.api.ServiceMetrics;
import dev.tollgate.config.ApplicationRegistry;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * GET /v1/models and GET /v1/models/{id}, OpenAI-compatible, API key required. The model "tollgate" means "routed
 * by policy"; any other id given to the constructor is listed beside it. Errors are in OpenAI's shape.
 */
public final class ModelsHandler implements HttpService {
    public static final String ROUTED_BY_POLICY = "tollgate";

    private final RequestGuard guard;
    private final OpenAiFailures failures;
    private final List<Model> models;

    record Model(String id, String object, long created, String ownedBy) {
    }

    record ModelList(String object, List<Model> data) {
    }

    /** @param extraModelIds ids listed after "tollgate" */
    public ModelsHandler(ApplicationRegistry registry, ServiceMetrics metrics, List<String> extraModelIds) {
        // A GET has no body, so only the guard's authentication is used.
        this.guard = new RequestGuard(registry, 0);
        this.failures = new OpenAiFailures(metrics);
        long created = Instant.now().getEpochSecond();
        this.models = Stream.concat(Stream.of(ROUTED_BY_POLICY), extraModelIds.stream()).distinct()
                .map(id -> new Model(id, "model", created, ROUTED_BY_POLICY)).toList();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/", (req, res) -> failures.answer(req, res, this::list))
                .any("/{model}", (req, res) -> failures.answer(req, res, this::retrieve));
    }

    private void list(ServerRequest req, ServerResponse res) {
        OpenAiFailures.requireMethod(req, res, Method.GET);
        guard.authenticate(req);
        Responses.json(res, 200, new ModelList("list", models));
    }

    private void retrieve(ServerRequest req, ServerResponse res) {
        OpenAiFailures.requireMethod(req, res, Method.GET);
        guard.authenticate(req);
        String id = req.path().pathParameters().get("model");
        Model model = models.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new ProblemException(HttpProblem.MODEL_NOT_FOUND,
                        "No such model; GET /v1/models lists them"));
        Responses.json(res, 200, model);
    }
}
