package dev.tollgate.api;

import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.execute.Validations;
import dev.tollgate.execute.offline.PendingValidation;
import dev.tollgate.execute.offline.ValidationStatus;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;


/**
 * GET /v1/validations/{id}: where the cloud validation of one of the calling application's offline answers stands,
 * and, when the cloud disagreed, its corrected answer restored for the caller while Tollgate still holds it. Another
 * application's validation is answered as an unknown one (404), so that an id tells nothing to anyone else.
 */
public final class ValidationsHandler implements Handler {
    private final RequestGuard guard;
    private final Validations validations;

    public ValidationsHandler(ApplicationRegistry registry, Validations validations) {
        this.guard = new RequestGuard(registry, 0);
        this.validations = validations;
    }

    /**
     * @param attempts                 calls to the cloud that failed so far (queued) or that it took (ended)
     * @param problem                  for a failed validation: the last attempt's problem
     * @param correctedAnswerAvailable for a disagreement: whether the corrected answer is still held (it is kept in
     *                                 memory only, for a while; never after a restart)
     */
    record ValidationResponse(String validationId, String decisionId, ValidationStatus.State status, int attempts,
                              String problem, String correctedAnswer, Boolean correctedAnswerAvailable) {
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        Application app = guard.authenticate(req);
        String id = req.path().pathParameters().get("id");
        if (!PendingValidation.validId(id)) {
            throw new ProblemException(HttpProblem.BAD_REQUEST,
                    "A validation id is 1 to 128 letters, digits, '-' or '_', as /v1/execute gave it");
        }
        Validations.View view = validations.find(app.id(), id).orElseThrow(() -> new ProblemException(
                HttpProblem.NOT_FOUND, "No validation with this id for this application"));
        ValidationStatus status = view.status();
        boolean disagreed = status.state() == ValidationStatus.State.DISAGREED;
        Responses.json(res, 200, new ValidationResponse(status.id(), status.decisionId(), status.state(),
                status.attempts(), status.problem(), view.correctedAnswer().orElse(null),
                disagreed ? view.correctedAnswer().isPresent() : null));
    }
}
