package dev.tollgate.api;

import dev.tollgate.api.openai.OpenAiRoutes;
import dev.tollgate.terms.ClientAbortException;
import dev.tollgate.terms.Refusal;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.lang.System.Logger.Level;

/** The HTTP surface: routes, and the mapping of every failure to problem+json. */
public final class HttpApi {
    private static final System.Logger LOG = System.getLogger(HttpApi.class.getName());

    private HttpApi() {
    }

    public static void routing(HttpRouting.Builder routing, DecideHandler decide, ExecuteHandler execute,
                               MaskHandler mask, HealthHandler health, ServiceMetrics metrics, UsageHandler usage,
                               ReviewHandler reviews, ValidationsHandler validations) {
        ApiDescription openapi = ApiDescription.load();
        routing.addFilter(new ObservedRequests(metrics));
        routing.post("/v1/decide", decide)
                .post("/v1/execute", execute)
                .post("/v1/mask", mask)
                .register("/health", health)
                .get("/v1/usage", usage)
                .get("/v1/validations/{id}", validations)
                .get("/metrics", (req, res) -> {
                    res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                    res.send(metrics.scrape());
                })
                .get("/openapi", openapi::negotiated)
                .get("/openapi.yaml", openapi::yaml)
                .get("/openapi.json", openapi::json)
                .any("/v1/decide", HttpApi::postOnly)
                .any("/v1/execute", HttpApi::postOnly)
                .any("/v1/mask", HttpApi::postOnly)
                .any("/v1/validations/{id}", (req, res) -> notAllowed(res, "GET", "Use GET for /v1/validations/{id}"))
                .any("/v1/usage", (req, res) -> notAllowed(res, "GET", "Use GET for /v1/usage"))
                .get("/v1/reviews/{id}", reviews::show)
                .post("/v1/reviews/{id}", reviews::review)
                .any("/v1/reviews/{id}", (req, res) -> notAllowed(res, "GET, POST", "Use GET or POST for a review"))
                .any(unknownPath(OpenAiRoutes.notFound(metrics)))
                .error(ClientAbortException.class, (req, res, e) -> {
                    metrics.clientAbort(e, req.path().path());
                    try {
                        Responses.problem(res, RefusalProblems.CLIENT_ABORT, req.path().path());
                    } catch (RuntimeException gone) {
                        // Usually no one is left to read it.
                    }
                })
                .error(ProblemException.class, (req, res, e) -> {
                    metrics.problem(e.status());
                    Responses.problem(res, e, req.path().path());
                })
                .error(Refusal.class, (req, res, e) -> {
                    ProblemException problem = RefusalProblems.of(e);
                    metrics.problem(problem.status());
                    Responses.problem(res, problem, req.path().path());
                })
                .error(RuntimeException.class, (req, res, e) -> {
                    // The exception message may quote input, so only its type is logged.
                    LOG.log(Level.ERROR, "Unhandled " + e.getClass().getName() + " on " + req.path().path());
                    metrics.problem(500);
                    Responses.problem(res, RefusalProblems.of(new Refusal(Refusal.Kind.INTERNAL,
                            "The request failed inside Tollgate; nothing was decided")), req.path().path());
                });
    }

    /**
     * 404 for a path nothing else routes; OpenAI clients are pointed at /v1, so there it comes in OpenAI's error
     * shape.
     */
    private static Handler unknownPath(Handler openAiNotFound) {
        return (req, res) -> {
            if (req.path().path().startsWith("/v1/")) {
                openAiNotFound.handle(req, res);
            } else {
                throw new ProblemException(HttpProblem.NOT_FOUND, "No such resource");
            }
        };
    }

    private static void postOnly(ServerRequest req, ServerResponse res) {
        notAllowed(res, "POST", "Use POST for " + req.path().path());
    }

    /** 405 with the Allow header listing the methods the resource takes. */
    static void notAllowed(ServerResponse res, String allowed, String detail) {
        res.header(HeaderNames.ALLOW, allowed);
        throw new ProblemException(HttpProblem.METHOD_NOT_ALLOWED, detail);
    }
}
