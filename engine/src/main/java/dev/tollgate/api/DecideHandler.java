package dev.tollgate.api;

import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.decision.Decision;
import dev.tollgate.decision.DecisionService;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;


/**
 * POST /v1/decide. Checks run in this order, and a request that fails any of them changes nothing:
 * API key (401), content type (415), size (413), JSON (400), fields (422), application named in the body (403/422).
 * A required detector that does not answer gives a logged fail-closed denial, answered as 503.
 */
public final class DecideHandler implements Handler {
    private final ApplicationRegistry registry;
    private final DecideRequestParser parser;
    private final DecisionService decisions;
    private final ServiceMetrics metrics;
    private final RequestGuard guard;

    public DecideHandler(ApplicationRegistry registry, DecideRequestParser parser, DecisionService decisions,
                         ServiceMetrics metrics, long maxBodyBytes) {
        this.registry = registry;
        this.parser = parser;
        this.decisions = decisions;
        this.metrics = metrics;
        this.guard = new RequestGuard(registry, maxBodyBytes);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        RequestGuard.Checked checked = guard.check(req);
        Application caller = checked.caller();
        DecideRequestParser.Parsed parsed = parser.parse(checked.body());
        checkNamedApplication(caller, parsed.application());
        Decision decision = decisions.decide(caller, parsed.request());
        metrics.decided(decision, System.nanoTime() - start);
        DetectorProblems.requireDetectorsAnswered(decision);
        Responses.json(res, 200, decision);
    }

    private void checkNamedApplication(Application caller, String named) {
        if (named == null || named.equals(caller.id())) {
            return;
        }
        if (registry.byId(named).isPresent()) {
            throw new ProblemException(HttpProblem.APPLICATION_MISMATCH,
                    "The API key belongs to '" + caller.id() + "', not to the application named in the body");
        }
        throw new ProblemException(HttpProblem.UNKNOWN_APPLICATION,
                "The application named in the body is not registered");
    }
}
