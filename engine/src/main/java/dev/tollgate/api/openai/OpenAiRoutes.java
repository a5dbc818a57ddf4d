package dev.tollgate.api.openai;

import dev.tollgate.api.HttpProblem;
import dev.tollgate.api.ProblemException;
import dev.tollgate.api.ServiceMetrics;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;

/** The OpenAI-compatible routes; register them before any catch-all route. Other methods get 405. */
public final class OpenAiRoutes {
    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    public static final String MODELS = "/v1/models";

    private OpenAiRoutes() {
    }

    public static void register(HttpRouting.Builder routing, ChatCompletionsHandler chat, ModelsHandler models) {
        routing.any(CHAT_COMPLETIONS, chat).register(MODELS, models);
    }

    /** For any other /v1 path Tollgate does not route: 404 in OpenAI's error shape, as OpenAI's SDKs expect. */
    public static Handler notFound(ServiceMetrics metrics) {
        OpenAiFailures failures = new OpenAiFailures(metrics);
        return (req, res) -> failures.answer(req, res, (request, response) -> {
            throw new ProblemException(HttpProblem.NOT_FOUND, "Tollgate serves no " + request.path().path()
                    + "; its OpenAI-compatible endpoints are " + CHAT_COMPLETIONS + " and " + MODELS);
        });
    }
}
