package dev.tollgate.api.openai;

import dev.tollgate.terms.ClientAbortException;
import dev.tollgate.api.HttpProblem;
import dev.tollgate.api.ProblemException;
import dev.tollgate.api.RateLimitedException;
import dev.tollgate.api.RefusalProblems;
import dev.tollgate.api.Responses;
import dev.tollgate.api.ServiceMetrics;
import dev.tollgate.terms.Refusal;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.lang.System.Logger.Level;
import java.util.function.BiConsumer;

/**
 * Answers every failure of the OpenAI-compatible endpoints in OpenAI's error shape instead of problem+json, and
 * counts it in the problem metrics by the status sent.
 */
final class OpenAiFailures {
    private static final System.Logger LOG = System.getLogger(OpenAiFailures.class.getName());

    private final ServiceMetrics metrics;

    OpenAiFailures(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    /** Runs the handler; whatever it throws is answered as an OpenAI error. */
    void answer(ServerRequest req, ServerResponse res, BiConsumer<ServerRequest, ServerResponse> handler) {
        try {
            handler.accept(req, res);
        } catch (ClientAbortException e) {
            aborted(e, req);
            try {
                OpenAiError error = OpenAiError.of(RefusalProblems.CLIENT_ABORT);
                Responses.json(res, error.status(), error.json());
            } catch (RuntimeException gone) {
                // Usually no one is left to read it.
            }
        } catch (RuntimeException e) {
            RateLimitedException.retryAfter(res, e);
            OpenAiError error = counted(e, req);
            Responses.json(res, error.status(), error.json());
        }
    }

    /** A client that went away is told nothing: it is counted apart from errors and logged without a trace. */
    void aborted(ClientAbortException e, ServerRequest req) {
        metrics.clientAbort(e, req.path().path());
    }

    /** The failure as an OpenAI error, counted; anything but a ProblemException is an internal error. */
    OpenAiError counted(RuntimeException e, ServerRequest req) {
        ProblemException problem;
        if (e instanceof ProblemException p) {
            problem = p;
        } else if (e instanceof Refusal refusal) {
            problem = RefusalProblems.of(refusal);
        } else {
            // The exception message may quote input, so only its type is logged.
            LOG.log(Level.ERROR, "Unhandled " + e.getClass().getName() + " on " + req.path().path());
            problem = RefusalProblems.of(new Refusal(Refusal.Kind.INTERNAL, "The request failed inside Tollgate"));
        }
        OpenAiError error = OpenAiError.of(problem);
        metrics.problem(error.status());
        return error;
    }

    /** 405 with an Allow header unless the request uses the method. */
    static void requireMethod(ServerRequest req, ServerResponse res, Method method) {
        if (!req.prologue().method().equals(method)) {
            res.header(HeaderNames.ALLOW, method.text());
            throw new ProblemException(HttpProblem.METHOD_NOT_ALLOWED,
                    "Use " + method.text() + " for " + req.path().path());
        }
    }
}
