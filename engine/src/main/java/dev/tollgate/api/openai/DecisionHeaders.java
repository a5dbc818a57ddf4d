package dev.tollgate.api.openai;

import dev.tollgate.decision.Decision;
import dev.tollgate.execute.Execution;
import dev.tollgate.terms.Route;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;

/**
 * The X-Tollgate-* response headers: the decision's id, and for an allowed decision its route's destination and
 * strategy (as decided; where the answer finally came from is in the body's tollgate object), and the AI
 * disclosure notice percent-encoded as UTF-8 so that it stays ASCII, and the id of a validation queued.
 */
final class DecisionHeaders {
    private static final String DECISION_ID = "X-Tollgate-Decision-Id";
    private static final String ROUTE = "X-Tollgate-Route";
    private static final String STRATEGY = "X-Tollgate-Strategy";
    private static final String DISCLOSURE = "X-Tollgate-AI-Disclosure";
    private static final String REVIEW_ID = "X-Tollgate-Review-Id";
    private static final String VALIDATION_ID = "X-Tollgate-Validation-Id";

    private DecisionHeaders() {
    }

    static void decided(ServerResponse res, Decision decision) {
        res.header(DECISION_ID, decision.decisionId());
        Route route = decision.outcome().route();
        if (route != null) {
            res.header(ROUTE, route.destination());
            res.header(STRATEGY, route.strategy().wire());
        }
    }

    static void disclosure(ServerResponse res, String disclosure) {
        if (disclosure != null) {
            res.header(DISCLOSURE, percentEncoded(disclosure));
        }
    }

    /** The review an answer held for a reviewer waits in; nothing for an answer given or a denial. */
    static void review(ServerResponse res, Execution execution) {
        if (execution != null && execution.review() != null) {
            res.header(REVIEW_ID, execution.review().id());
        }
    }

    /** The id of the cloud validation queued for an offline answer (GET /v1/validations/{id}). */
    static void validation(ServerResponse res, String validationId) {
        if (validationId != null) {
            res.header(VALIDATION_ID, validationId);
        }
    }

    /** Printable ASCII stays as it is, except '%'; every other byte of the UTF-8 form becomes %XX. */
    static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0x20 && b < 0x7f && b != '%') {
                out.append((char) b);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
