package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.execute.review.ReviewDesk;
import dev.tollgate.execute.review.ReviewDesk.Held;
import dev.tollgate.execute.review.ReviewDesk.Verdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.terms.Strategy;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /v1/reviews/{id}: answers held for human oversight, the id being the decision's. GET with a reviewer key of the
 * application shows the masked answer and the decision's reasons; with one of the application's own keys, the
 * status and, once approved, the restored answer. POST {"verdict": "approve"|"reject", "comment": ...} with a
 * reviewer key records the review (once: 409 after). A held answer of another application is not found (404), as
 * is one no longer kept.
 */
public final class ReviewHandler {
    static final int MAX_COMMENT_CHARS = 4000;
    private static final Map<String, Verdict> VERDICTS = Map.of("approve", Verdict.APPROVE, "reject", Verdict.REJECT);
    private static final Set<String> FIELDS = Set.of("verdict", "comment");

    private final RequestGuard guard;
    private final ReviewDesk desk;

    public ReviewHandler(ApplicationRegistry registry, ReviewDesk desk, long maxBodyBytes) {
        this.guard = new RequestGuard(registry, maxBodyBytes);
        this.desk = desk;
    }

    /**
     * A held answer as its reviewer (maskedContent, reasons) or its application (content, once approved) sees it;
     * what the other may not see is null and left out.
     */
    record ReviewView(String reviewId, String application, ReviewDesk.Status status, String heldAt, String expiresAt,
                      String destination, Strategy strategy, String maskedContent, List<Reason> reasons,
                      String content) {
    }

    public void show(ServerRequest req, ServerResponse res) {
        Application caller = guard.keyHolder(req);
        Responses.json(res, 200, view(held(req, caller), caller));
    }

    public void review(ServerRequest req, ServerResponse res) {
        RequestGuard.Checked checked = guard.checkAnyRole(req);
        Application reviewer = checked.caller();
        if (!reviewer.calledByReviewer()) {
            throw new ProblemException(HttpProblem.FORBIDDEN,
                    "Only a key with the role reviewer reviews the application's held answers");
        }
        JsonNode body = JsonBodies.readObject(checked.body());
        Verdict verdict = verdict(body);
        String id = id(req);
        switch (desk.review(id, reviewer, RequestGuard.keySha256(req), verdict, comment(body))) {
            case RECORDED -> Responses.json(res, 200, view(held(req, reviewer), reviewer));
            case ALREADY_REVIEWED -> throw new ProblemException(HttpProblem.ALREADY_REVIEWED,
                    "This answer was reviewed before; a review is final");
            case NOT_FOUND -> throw notFound();
        }
    }

    private Held held(ServerRequest req, Application caller) {
        return desk.find(id(req), caller.id()).orElseThrow(ReviewHandler::notFound);
    }

    private ReviewView view(Held h, Application caller) {
        boolean reviewer = caller.calledByReviewer();
        return new ReviewView(h.id(), h.application(), h.status(), h.heldAt().toString(), h.expiresAt().toString(),
                h.destination(), h.strategy(), reviewer ? h.maskedAnswer() : null, reviewer ? h.reasons() : null,
                reviewer ? null : desk.released(h).orElse(null));
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpProblem.NOT_FOUND, "No held answer of this application has this id; held "
                + "answers are kept in memory for a limited time and not across restarts");
    }

    private static Verdict verdict(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError("/" + name, "unknown field; allowed: verdict, comment"));
            }
        });
        JsonNode verdict = body.get("verdict");
        Verdict chosen = verdict != null && verdict.isTextual() ? VERDICTS.get(verdict.asText()) : null;
        if (chosen == null) {
            errors.add(new FieldError("/verdict", "required: \"approve\" or \"reject\""));
        }
        JsonNode comment = body.get("comment");
        if (comment != null && !comment.isNull()
                && (!comment.isTextual() || comment.asText().length() > MAX_COMMENT_CHARS)) {
            errors.add(new FieldError("/comment", "must be a text of at most " + MAX_COMMENT_CHARS + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpProblem.BAD_REQUEST, errors.size() + " field(s) are missing or invalid",
                    errors);
        }
        return chosen;
    }

    private static String comment(JsonNode body) {
        JsonNode comment = body.get("comment");
        return comment == null || comment.isNull() ? null : comment.asText();
    }
}
