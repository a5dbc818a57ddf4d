package dev.tollgate.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.api.FieldError;
import dev.tollgate.api.HttpProblem;
import dev.tollgate.api.JsonBodies;
import dev.tollgate.api.ProblemException;
import dev.tollgate.api.RequestGuard;
import dev.tollgate.api.Responses;
import dev.tollgate.api.StaffKeys;
import dev.tollgate.api.StaffRole;
import dev.tollgate.trail.DecisionFilter;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit API for auditors' and officers' scripts (the console shows the same): GET /v1/audit/decisions
 * (filtered, paged), GET /v1/audit/decisions/{id} (one decision explained), GET /v1/audit/policies (versions in
 * force over time), GET /v1/audit/policies/diff (between two stored versions) and POST /v1/audit/replay (a what-if
 * with a candidate policy). Application keys are refused (403).
 */
public final class AuditApi {
    private static final Set<String> REPLAY_FIELDS = Set.of("from", "to", "candidate");
    private static final Set<String> CANDIDATE_FIELDS = Set.of("engine", "base", "files");

    private final StaffKeys staff;
    private final AuditViews views;
    private final RequestGuard bodies;

    public AuditApi(StaffKeys staff, AuditViews views, RequestGuard bodies) {
        this.staff = staff;
        this.views = views;
        this.bodies = bodies;
    }

    /** Registers the routes (405 for other methods) ahead of the routes that answer everything else. */
    public void register(HttpRouting.Builder routing) {
        get(routing, "/v1/audit/decisions", this::decisions);
        get(routing, "/v1/audit/decisions/{id}", this::decision);
        get(routing, "/v1/audit/policies", this::policies);
        get(routing, "/v1/audit/policies/diff", this::diff);
        routing.post("/v1/audit/replay", this::replay).any("/v1/audit/replay", (req, res) -> notAllowed(res, "POST"));
    }

    private static void get(HttpRouting.Builder routing, String path, Handler handler) {
        routing.get(path, handler).any(path, (req, res) -> notAllowed(res, "GET"));
    }

    private static void notAllowed(ServerResponse res, String allowed) {
        res.header(HeaderNames.ALLOW, allowed);
        throw new ProblemException(HttpProblem.METHOD_NOT_ALLOWED, "Use " + allowed + " here");
    }

    private void decisions(ServerRequest req, ServerResponse res) {
        staff.authenticate(req);
        DecisionQuery query = DecisionQuery.parse(req.query(), Set.of());
        Responses.json(res, 200, views.decisions(query.filter(), query.offset(), query.limit()));
    }

    private void decision(ServerRequest req, ServerResponse res) {
        staff.authenticate(req);
        noQuery(req);
        Responses.json(res, 200, views.decision(req.path().pathParameters().get("id")));
    }

    private void policies(ServerRequest req, ServerResponse res) {
        staff.authenticate(req);
        noQuery(req);
        Responses.json(res, 200, Map.of("periods", views.policies()));
    }

    private void diff(ServerRequest req, ServerResponse res) {
        staff.authenticate(req);
        Map<String, String> named = new LinkedHashMap<>();
        for (String name : List.of("engine", "from", "to")) {
            named.put(name, req.query().first(name).asOptional().filter(v -> !v.isBlank()).orElseThrow(
                    () -> new ProblemException(HttpProblem.BAD_REQUEST, "give engine, from and to (policy versions)")));
        }
        if (req.query().names().size() != named.size()) {
            throw new ProblemException(HttpProblem.BAD_REQUEST, "the diff takes engine, from and to only");
        }
        Responses.json(res, 200, Map.of("files", views.diff(named.get("engine"), named.get("from"), named.get("to"))));
    }

    private void replay(ServerRequest req, ServerResponse res) {
        StaffRole role = staff.authenticate(req);
        noQuery(req);
        JsonNode body = JsonBodies.readObject(bodies.jsonBody(req));
        List<FieldError> errors = new ArrayList<>();
        unknownFields(body, "", REPLAY_FIELDS, errors);
        JsonNode candidate = body.path("candidate");
        if (!candidate.isObject()) {
            errors.add(new FieldError("/candidate", "must be an object: {\"engine\": ..., \"base\": ..., \"files\": {...}}"));
            throw JsonBodies.invalid(errors);
        }
        unknownFields(candidate, "/candidate", CANDIDATE_FIELDS, errors);
        String engine = text(candidate, "engine", "/candidate/engine", true, errors);
        String base = text(candidate, "base", "/candidate/base", false, errors);
        Map<String, String> files = files(candidate.path("files"), errors);
        String from = text(body, "from", "/from", false, errors);
        String to = text(body, "to", "/to", false, errors);
        if (!errors.isEmpty()) {
            throw JsonBodies.invalid(errors);
        }
        if (!files.isEmpty() && !role.uploadsCandidates()) {
            throw new ProblemException(HttpProblem.FORBIDDEN, "Only an officer key uploads candidate policy files; an "
                    + "auditor replays stored versions (candidate.base without files)");
        }
        DecisionFilter range = new DecisionFilter(from == null ? null : DecisionQuery.time("from", from),
                to == null ? null : DecisionQuery.time("to", to), null, null, null, null, null);
        Responses.json(res, 200, views.whatIf(range, engine, base, files));
    }

    private static void noQuery(ServerRequest req) {
        if (!req.query().names().isEmpty()) {
            throw new ProblemException(HttpProblem.BAD_REQUEST, req.path().path() + " takes no query parameters");
        }
    }

    private static void unknownFields(JsonNode node, String at, Set<String> known, List<FieldError> errors) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add(new FieldError(at + "/" + name, "unknown field; allowed: " + known));
            }
        });
    }

    private static String text(JsonNode node, String name, String pointer, boolean required, List<FieldError> errors) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                errors.add(new FieldError(pointer, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(new FieldError(pointer, "must be a non-empty string"));
            return null;
        }
        return value.asText();
    }

    private static Map<String, String> files(JsonNode files, List<FieldError> errors) {
        Map<String, String> contents = new LinkedHashMap<>();
        if (files.isMissingNode() || files.isNull()) {
            return contents;
        }
        if (!files.isObject()) {
            errors.add(new FieldError("/candidate/files", "must be an object: path in the policy directory -> content"));
            return contents;
        }
        files.fields().forEachRemaining(file -> {
            if (file.getValue().isTextual()) {
                contents.put(file.getKey(), file.getValue().asText());
            } else {
                errors.add(new FieldError("/candidate/files/" + file.getKey().replace("~", "~0").replace("/", "~1"),
                        "must be the file's text"));
            }
        });
        return contents;
    }
}
