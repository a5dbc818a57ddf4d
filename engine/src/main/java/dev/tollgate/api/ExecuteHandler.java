package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.execute.ChatOptions;
import dev.tollgate.execute.ExecuteService;
import dev.tollgate.execute.Execution;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * POST /v1/execute: {"token": the decision's token, "input": {"messages": the messages decided on},
 * "max_tokens": optional}; any other field of the /v1/decide body may be sent along and is ignored, so a client
 * can send the decide body again with the token added.
 * Request checks as /v1/decide (401, 415, 413, 400, 422); then the token's (403 refused, 409 used, 410 expired);
 * then the execution's (502/503/504 when no answer could be given). An answer held for human review is answered
 * 202 with the review instead of the content.
 */
public final class ExecuteHandler implements Handler {
    public static final int MAX_TOKENS_LIMIT = 4096;

    private final RequestGuard guard;
    private final ExecuteService executions;
    private final int defaultMaxTokens;

    public ExecuteHandler(ApplicationRegistry registry, ExecuteService executions, long maxBodyBytes,
                          int defaultMaxTokens) {
        this.guard = new RequestGuard(registry, maxBodyBytes);
        this.executions = executions;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    private record ExecuteRequest(String token, List<Message> messages, int maxTokens) {
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        RequestGuard.Checked checked = guard.check(req);
        ExecuteRequest request = parse(checked.body());
        Execution execution = executions.execute(checked.caller(), request.token(), request.messages(),
                request.maxTokens(), ChatOptions.NONE, null);
        guard.spent(checked.caller(), execution);
        if (execution.review() != null) {
            // Held for a reviewer: accepted, the answer to be fetched at the review once approved.
            res.header(HeaderNames.LOCATION, "/v1/reviews/" + execution.review().id());
            Responses.json(res, 202, execution);
        } else {
            Responses.json(res, 200, execution);
        }
    }

    private ExecuteRequest parse(byte[] body) {
        JsonNode root = JsonBodies.readObject(body);
        List<FieldError> errors = new ArrayList<>();
        JsonNode token = root.get("token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            errors.add(new FieldError("/token", "required: the token /v1/decide returned"));
        }
        List<Message> messages = JsonBodies.messages(root, errors);
        int maxTokens = maxTokens(root.get("max_tokens"), errors);
        if (!errors.isEmpty()) {
            throw JsonBodies.invalid(errors);
        }
        return new ExecuteRequest(token.asText(), messages, maxTokens);
    }

    private int maxTokens(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return defaultMaxTokens;
        }
        Integer maxTokens = JsonBodies.integerIn(node, "/max_tokens", 1, MAX_TOKENS_LIMIT, errors);
        return maxTokens == null ? defaultMaxTokens : maxTokens;
    }
}
